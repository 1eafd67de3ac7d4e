package io.authbench.csr.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bundle the build put on the classpath under {@code csr/}: {@code manifest.json} (written by
 * {@code src/main/frontend/build.mjs}) names the hashed script and stylesheet, which are loaded into memory.
 *
 * @param scriptPath     URL path of the hashed script, e.g. {@code /assets/app-WN3GGYK4.js}
 * @param stylesheetPath URL path of the hashed stylesheet
 * @param assets         every hashed file by URL path
 */
public record FrontEndBundle(String scriptPath, String stylesheetPath, Map<String, Asset> assets) {

    static final String CLASSPATH_ROOT = "csr";
    private static final String REBUILD = "Rebuild the app with: mvn -pl csr-app package";

    /** Loads the bundle built into this jar. */
    public static FrontEndBundle fromClasspath() {
        return fromClasspath(FrontEndBundle.class.getClassLoader());
    }

    static FrontEndBundle fromClasspath(ClassLoader loader) {
        JsonNode manifest;
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + "/manifest.json")) {
            if (in == null) {
                throw new IllegalStateException("csr-app was built without its front end (" + CLASSPATH_ROOT
                        + "/manifest.json is not on the classpath). " + REBUILD);
            }
            manifest = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CLASSPATH_ROOT + "/manifest.json. " + REBUILD, e);
        }
        String script = requiredPath(manifest, "script");
        String stylesheet = requiredPath(manifest, "stylesheet");
        Map<String, Asset> assets = List.of(script, stylesheet).stream()
                .map(path -> Asset.of(path, read(loader, path), contentTypeOf(path)))
                .collect(Collectors.toUnmodifiableMap(Asset::path, Function.identity()));
        return new FrontEndBundle(script, stylesheet, assets);
    }

    private static String requiredPath(JsonNode manifest, String key) {
        String path = manifest.path(key).asText("");
        if (!path.startsWith("/assets/") || path.contains("..")) {
            throw new IllegalStateException("csr/manifest.json has no valid \"" + key + "\" entry. " + REBUILD);
        }
        return path;
    }

    private static byte[] read(ClassLoader loader, String urlPath) {
        String resource = CLASSPATH_ROOT + urlPath;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is named in csr/manifest.json but missing. " + REBUILD);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static String contentTypeOf(String path) {
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "application/octet-stream";
    }
}
