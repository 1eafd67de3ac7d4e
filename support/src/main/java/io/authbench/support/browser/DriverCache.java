package io.authbench.support.browser;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A once-per-machine copy of the Playwright JS driver, so a JVM start does not re-extract 14 MB (Playwright's own
 * {@code DriverJar} copies it into a fresh temp folder on every start and deletes it on exit).
 *
 * <p>Layout of {@code <base>/playwright-driver-<version>/}: {@code package/} (the {@code driver/package/**} of the
 * driver jar), {@code node} (a symlink to the machine's node) and {@code .authbench-complete}, written last. The
 * folder is assembled under a temporary name in the same base folder and renamed into place in one atomic step,
 * so a half-extracted folder is never used; when two JVMs race, one rename wins and the other uses the winner's.
 */
final class DriverCache {
    static final Setting SETTING = new Setting("authbench.driver.cache", "AUTHBENCH_DRIVER_CACHE");
    static final String MARKER = ".authbench-complete";
    private static final String TEMP_PREFIX = ".incomplete-playwright-driver-";
    /** A temp folder this old belongs to a JVM that died mid-extraction (extraction takes about a second). */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    /**
     * @param dir          the folder to pass as {@code playwright.cli.dir}
     * @param extractedNow whether this call put a fresh copy in place (false: an earlier run or a racing JVM did)
     */
    record Prepared(Path dir, boolean extractedNow) {}

    private DriverCache() {}

    /** The base folder: {@code -Dauthbench.driver.cache}, {@code AUTHBENCH_DRIVER_CACHE}, or ~/.cache/authbench. */
    static Path base() {
        return SETTING.read()
                .map(value -> Path.of(value.value()))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "authbench"))
                .toAbsolutePath();
    }

    /**
     * Returns the cached driver folder for {@code version}, extracting it from {@code packageJson}'s jar (or
     * folder) first if no complete copy exists.
     */
    static Prepared prepare(Path base, String version, URL packageJson, Path node) {
        Path dir = base.resolve("playwright-driver-" + version);
        try {
            if (isComplete(dir)) {
                linkNode(dir, node);
                return new Prepared(dir, false);
            }
            Files.createDirectories(base);
            removeAbandonedTempFolders(base);
            Path temp = Files.createTempDirectory(base, TEMP_PREFIX + version + "-");
            try {
                extract(packageJson, temp.resolve("package"));
                Files.createSymbolicLink(temp.resolve("node"), node);
                Files.writeString(
                        temp.resolve(MARKER),
                        "playwright driver " + version + " extracted " + Instant.now() + "\n",
                        StandardCharsets.UTF_8);
                return new Prepared(dir, moveIntoPlace(temp, dir));
            } finally {
                deleteRecursively(temp);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BrowserSetupException setup) {
                throw setup;
            }
            throw new BrowserSetupException(
                    "Cannot prepare the Playwright driver cache in " + dir + " (" + e
                            + "). Set -Dauthbench.driver.cache=/a/writable/folder.",
                    e);
        }
    }

    static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    /** Renames the finished temp folder to {@code dir}; false if another JVM's copy got there first. */
    private static boolean moveIntoPlace(Path temp, Path dir) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (FileSystemException e) {
                // rename(2) onto a non-empty folder fails with ENOTEMPTY, which the JDK reports as a plain
                // FileSystemException rather than DirectoryNotEmptyException.
                if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                if (isComplete(dir)) {
                    return false; // another JVM finished first: use its copy
                }
                // A folder without the marker was not made by this class (or by a version that predates the
                // marker): move it out of the way and try once more.
                Path stale = Files.createTempDirectory(dir.getParent(), TEMP_PREFIX + "stale-");
                Files.move(dir, stale.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(stale);
            }
        }
        throw new IOException(dir + " keeps reappearing without its " + MARKER + " file");
    }

    /** Keeps {@code <dir>/node} pointing at the node this JVM checked, for anyone using the folder directly. */
    private static void linkNode(Path dir, Path node) throws IOException {
        Path link = dir.resolve("node");
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(node)) {
            return;
        }
        Path newLink = dir.resolve("node.tmp-" + ProcessHandle.current().pid());
        Files.deleteIfExists(newLink);
        Files.createSymbolicLink(newLink, node);
        Files.move(newLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void extract(URL packageJson, Path target) throws IOException {
        switch (packageJson.getProtocol()) {
            case "jar" -> {
                Path jar = toPath(((JarURLConnection) packageJson.openConnection()).getJarFileURL());
                try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                    copyTree(zip.getPath("/" + PlaywrightDriver.PACKAGE_ROOT), target);
                }
            }
            case "file" -> copyTree(toPath(packageJson).getParent(), target);
            default ->
                throw new BrowserSetupException(
                        "The Playwright driver is at " + packageJson
                                + ", which is neither a jar nor a folder; put com.microsoft.playwright:driver on the plain classpath.");
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(source)) {
            entries = walk.toList();
        }
        for (Path entry : entries) {
            Path destination = target.resolve(source.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(destination);
            } else {
                Files.copy(entry, destination);
                if (looksExecutable(destination)) {
                    // Same rule as Playwright's DriverJar: the jar's unix modes are not visible through zipfs.
                    destination.toFile().setExecutable(true, false);
                }
            }
        }
    }

    private static boolean looksExecutable(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".sh") || !name.contains(".");
    }

    private static void removeAbandonedTempFolders(Path base) {
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        try (Stream<Path> children = Files.list(base)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .toList()) {
                if (Files.getLastModifiedTime(child).compareTo(cutoff) < 0) {
                    deleteRecursively(child);
                }
            }
        } catch (IOException e) {
            // Best effort: an abandoned temp folder wastes disk space, nothing more.
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new BrowserSetupException(
                    "Cannot read the Playwright driver from " + url + " (" + e.getMessage() + ").", e);
        }
    }
}
