package io.authbench.support.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Copies one output stream of a child into a log file, line by line, on its own daemon thread.
 *
 * <p>Drain streams, else we might lock up: a child blocks once its pipe buffer (64 KiB) is full and nobody reads.
 */
final class OutputDrain {
    private final Thread thread;

    private OutputDrain(Thread thread) {
        this.thread = thread;
    }

    /** Starts draining {@code in} into {@code file} (truncated first), passing every line to {@code onLine}. */
    static OutputDrain start(String threadName, InputStream in, Path file, Consumer<String> onLine) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        Thread thread = new Thread(() -> copy(in, out, onLine), threadName);
        thread.setDaemon(true);
        thread.start();
        return new OutputDrain(thread);
    }

    private static void copy(InputStream in, Writer out, Consumer<String> onLine) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                out) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.write(line);
                out.write('\n');
                // Flush per line so a tail read while the child runs (or after it was killed) is complete.
                out.flush();
                onLine.accept(line);
            }
        } catch (IOException e) {
            // The pipe closes when the child dies; whatever was read is already in the file.
        }
    }

    /** Waits up to {@code millis} for the stream to end (it ends when the child and any fd-sharing descendant exit). */
    void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
