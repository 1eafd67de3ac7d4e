package io.authbench.support.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts about the Playwright driver ({@code com.microsoft.playwright:driver}) on the classpath: its version and the
 * Node.js version its {@code package.json} requires. The JS driver lives under {@code driver/package/} in that jar.
 */
final class PlaywrightDriver {
    static final String PACKAGE_ROOT = "driver/package";
    private static final String POM_PROPERTIES = "META-INF/maven/com.microsoft.playwright/driver/pom.properties";
    private static final Pattern MIN_NODE = Pattern.compile(">=\\s*v?(\\d+)");
    /** Used only if package.json states no engines.node: the oldest Node.js that Playwright 1.4x+ supported. */
    private static final int FALLBACK_MIN_NODE_MAJOR = 18;

    private PlaywrightDriver() {}

    /** The URL of {@code driver/package/package.json}, inside the driver jar (or a shaded jar, or a folder). */
    static URL packageJson() {
        URL url = resource(PACKAGE_ROOT + "/package.json");
        if (url == null) {
            throw new BrowserSetupException("The Playwright driver (driver/package) is not on the classpath. Depend on"
                    + " com.microsoft.playwright:playwright, which brings com.microsoft.playwright:driver.");
        }
        return url;
    }

    /** The Maven version of the driver artifact, e.g. {@code 1.62.0}: the cache folder is keyed by it. */
    static String version() {
        URL url = resource(POM_PROPERTIES);
        if (url != null) {
            try (InputStream in = url.openStream()) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version.trim();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new BrowserSetupException("Cannot tell the Playwright driver's version: " + POM_PROPERTIES + " is not on"
                + " the classpath. Use the com.microsoft.playwright:driver jar from Maven Central (and keep META-INF/maven"
                + " when shading).");
    }

    /** The minimum Node.js major version from package.json {@code engines.node} (for example {@code ">=20"}). */
    static int requiredNodeMajor() {
        try (InputStreamReader reader = new InputStreamReader(packageJson().openStream(), StandardCharsets.UTF_8)) {
            return requiredNodeMajor(JsonParser.parseReader(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JsonParseException | IllegalStateException e) {
            throw new BrowserSetupException(
                    "The Playwright driver's package.json is not valid JSON (" + e.getMessage()
                            + "). Delete the Maven artifact com.microsoft.playwright:driver from ~/.m2 and rebuild.",
                    e);
        }
    }

    static int requiredNodeMajor(JsonElement packageJson) {
        JsonObject engines = packageJson.getAsJsonObject().getAsJsonObject("engines");
        if (engines == null || !engines.has("node")) {
            return FALLBACK_MIN_NODE_MAJOR;
        }
        Matcher matcher = MIN_NODE.matcher(engines.get("node").getAsString());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : FALLBACK_MIN_NODE_MAJOR;
    }

    private static URL resource(String name) {
        // Ask Playwright's own loader: it is the one that must see the driver, whoever loaded this class.
        ClassLoader loader = Playwright.class.getClassLoader();
        return loader.getResource(name);
    }
}
