package io.authbench.support.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last lines of a log file, read without loading a huge log into memory at once. */
final class LogTail {
    private LogTail() {}

    static List<String> lastLines(Path file, int count) {
        if (count <= 0) {
            return List.of();
        }
        Deque<String> tail = new ArrayDeque<>(count);
        // InputStreamReader replaces malformed bytes instead of failing: a tail must never fail on odd output.
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (tail.size() == count) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(tail);
    }
}
