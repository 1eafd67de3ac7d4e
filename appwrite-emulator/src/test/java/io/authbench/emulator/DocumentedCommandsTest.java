package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command in the repository's docs that starts one of the three servers by hand gives it a heap bound, as the
 * harness does: without {@code -Xmx} a JVM sizes its heap from the machine's memory (2.3 GB RSS seen under load).
 */
class DocumentedCommandsTest {
    private static final Pattern SERVER_JAR_COMMAND =
            Pattern.compile("\\bjava\\b[^\\n]*-jar\\s+\\S*(appwrite-emulator|ssr-app|csr-app)\\.jar");

    @Test
    void hand_started_servers_in_the_docs_have_a_heap_bound() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs in the module's directory
        List<Path> docs = new ArrayList<>(List.of(
                root.resolve("README.md"),
                root.resolve("appwrite-emulator/README.md"),
                root.resolve("ssr-app/README.md"),
                root.resolve("csr-app/README.md")));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(docs::add);
        }
        List<String> unbounded = new ArrayList<>();
        int commands = 0;
        for (Path doc : docs) {
            for (String line : Files.readAllLines(doc)) {
                if (SERVER_JAR_COMMAND.matcher(line).find()) {
                    commands++;
                    if (!line.contains("-Xmx")) {
                        unbounded.add(root.relativize(doc) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(commands).as("server commands found in the docs").isGreaterThanOrEqualTo(3);
        assertThat(unbounded).isEmpty();
    }
}
