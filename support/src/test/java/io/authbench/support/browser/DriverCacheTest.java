package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverCacheTest {
    private static final Path NODE = Path.of("/usr/bin/node");

    @TempDir
    Path base;

    private DriverCache.Prepared prepare() {
        return DriverCache.prepare(base, PlaywrightDriver.version(), PlaywrightDriver.packageJson(), NODE);
    }

    @Test
    void first_use_extracts_the_driver_with_node_link_and_marker() throws IOException {
        DriverCache.Prepared prepared = prepare();

        Path dir = prepared.dir();
        assertThat(prepared.extractedNow()).isTrue();
        assertThat(dir).isEqualTo(base.resolve("playwright-driver-" + PlaywrightDriver.version()));
        assertThat(dir.resolve("package/cli.js")).isRegularFile();
        assertThat(dir.resolve("package/package.json")).isRegularFile();
        assertThat(Files.readSymbolicLink(dir.resolve("node"))).isEqualTo(NODE);
        assertThat(dir.resolve(DriverCache.MARKER)).isRegularFile();
        assertThat(leftoverTempFolders()).isEmpty();
    }

    @Test
    void second_use_reuses_the_folder_without_extracting_again() throws IOException {
        Path dir = prepare().dir();
        BasicFileAttributes before = Files.readAttributes(dir.resolve("package/cli.js"), BasicFileAttributes.class);

        DriverCache.Prepared again = prepare();

        BasicFileAttributes after = Files.readAttributes(dir.resolve("package/cli.js"), BasicFileAttributes.class);
        assertThat(again.extractedNow()).isFalse();
        assertThat(again.dir()).isEqualTo(dir);
        assertThat(after.fileKey()).isEqualTo(before.fileKey());
        assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
    }

    @Test
    void racing_preparations_agree_on_one_complete_folder() throws Exception {
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<DriverCache.Prepared>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<DriverCache.Prepared> racer = () -> {
                    start.await();
                    return prepare();
                };
                results.add(pool.submit(racer));
            }
            start.countDown();
            List<DriverCache.Prepared> prepared = new ArrayList<>();
            for (Future<DriverCache.Prepared> result : results) {
                prepared.add(result.get());
            }

            assertThat(prepared)
                    .extracting(DriverCache.Prepared::dir)
                    .containsOnly(prepared.get(0).dir());
            assertThat(prepared).filteredOn(DriverCache.Prepared::extractedNow).hasSize(1);
            assertThat(DriverCache.isComplete(prepared.get(0).dir())).isTrue();
            assertThat(leftoverTempFolders()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void folder_without_marker_is_never_used_and_gets_replaced() throws IOException {
        Path dir = base.resolve("playwright-driver-" + PlaywrightDriver.version());
        Files.createDirectories(dir.resolve("package"));
        Files.writeString(dir.resolve("package/half-written.js"), "// interrupted extraction");

        DriverCache.Prepared prepared = prepare();

        assertThat(prepared.extractedNow()).isTrue();
        assertThat(dir.resolve("package/half-written.js")).doesNotExist();
        assertThat(dir.resolve("package/cli.js")).isRegularFile();
        assertThat(leftoverTempFolders()).isEmpty();
    }

    @Test
    void temp_folder_abandoned_by_a_killed_jvm_is_cleaned_up() throws IOException {
        Path abandoned = Files.createDirectories(base.resolve(".incomplete-playwright-driver-0.0.0-123/package"))
                .getParent();
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        prepare();

        assertThat(abandoned).doesNotExist();
    }

    @Test
    void node_link_follows_the_node_this_jvm_checked() throws IOException {
        Path dir = prepare().dir();
        Path otherNode = Path.of("/usr/local/bin/node");

        DriverCache.prepare(base, PlaywrightDriver.version(), PlaywrightDriver.packageJson(), otherNode);

        assertThat(Files.readSymbolicLink(dir.resolve("node"))).isEqualTo(otherNode);
    }

    private List<Path> leftoverTempFolders() throws IOException {
        try (Stream<Path> children = Files.list(base)) {
            return children.filter(p -> p.getFileName().toString().startsWith(".incomplete"))
                    .toList();
        }
    }
}
