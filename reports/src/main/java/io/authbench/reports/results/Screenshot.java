package io.authbench.reports.results;

import java.util.Objects;

/**
 * One filmstrip frame of a sample.
 *
 * @param atMs milliseconds after the user action when the frame was captured
 * @param file path of the image relative to the run folder (e.g. {@code filmstrip/login-slow-4g-ssr-0160.png})
 */
public record Screenshot(double atMs, String file) {
    public Screenshot {
        Objects.requireNonNull(file, "\"screenshot.file\" is missing");
        if (file.startsWith("/") || file.contains("..")) {
            throw new IllegalArgumentException("screenshot.file must be relative to the run folder: " + file);
        }
    }
}
