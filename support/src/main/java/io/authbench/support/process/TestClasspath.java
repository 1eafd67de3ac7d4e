package io.authbench.support.process;

import io.authbench.support.SupportException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The real classpath of the JVM running this code, usable as {@code java -cp} for a child process.
 *
 * <p>Surefire may start tests with a manifest-only {@code surefirebooter*.jar} whose {@code Class-Path}
 * manifest attribute lists the real entries; such jars are expanded, so the child sees every class the test sees.
 */
public final class TestClasspath {
    private TestClasspath() {}

    /** The current classpath as one {@link File#pathSeparator}-joined string. */
    public static String current() {
        return String.join(
                File.pathSeparator, entries().stream().map(Path::toString).toList());
    }

    /** The current classpath entries, manifest-only jars expanded, in order. */
    public static List<Path> entries() {
        List<Path> result = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            if (isManifestOnlyJar(path)) {
                result.addAll(manifestClassPath(path));
            } else {
                result.add(path);
            }
        }
        return result;
    }

    private static boolean isManifestOnlyJar(Path path) {
        String fileName = path.getFileName().toString();
        return fileName.startsWith("surefirebooter") && fileName.endsWith(".jar") && Files.isRegularFile(path);
    }

    static List<Path> manifestClassPath(Path jar) {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Manifest manifest = jarFile.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of(jar);
            }
            List<Path> entries = new ArrayList<>();
            URI base = jar.getParent().toUri();
            // Class-Path holds space-separated URLs, relative to the jar's folder unless absolute (file:/...).
            for (String url : classPath.trim().split("\\s+")) {
                entries.add(Path.of(base.resolve(new URI(url))));
            }
            return entries;
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new SupportException(
                    "Cannot read the Class-Path of " + jar + " (" + e.getMessage()
                            + "); a child JVM could not get the test classpath. Rebuild with 'mvn clean verify'.",
                    e);
        }
    }
}
