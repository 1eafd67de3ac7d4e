package io.authbench.reports.html;

import java.util.Optional;

/** Supplies the bytes of a filmstrip image named in results.json (relative to the run folder), if readable. */
@FunctionalInterface
public interface FrameSource {
    /** The image bytes, or empty if the file is missing or not an allowed image. */
    Optional<byte[]> read(String relativePath);

    /** For pages built without a run folder: every frame is missing. */
    static FrameSource none() {
        return path -> Optional.empty();
    }
}
