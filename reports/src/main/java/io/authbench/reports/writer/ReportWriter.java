package io.authbench.reports.writer;

import io.authbench.reports.ReportFiles;
import io.authbench.reports.calibration.AaCalibrationFile;
import io.authbench.reports.html.FrameSource;
import io.authbench.reports.html.ReportPage;
import io.authbench.reports.stats.ReportModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders everything in memory first, then writes each file through a temporary file and an atomic rename, so a
 * failure never leaves a half-written report.html that looks complete.
 */
public final class ReportWriter {
    /** Largest screenshot embedded in the page; larger files are left out with a note (keeps the page openable). */
    static final long MAX_FRAME_BYTES = 2L << 20;

    private ReportWriter() {}

    public static void write(ReportModel model, ReportFiles files) {
        write(model, files, AaCalibrationFile.Loaded.none());
    }

    /** As {@link #write(ReportModel, ReportFiles)}, with the A/A calibration the page shows next to the A/A cell. */
    public static void write(ReportModel model, ReportFiles files, AaCalibrationFile.Loaded aaCalibration) {
        String html = ReportPage.html(model, frames(files), aaCalibration);
        String csv = SummaryCsv.csv(model);
        try {
            Files.createDirectories(files.outDir());
            atomically(files.report(), html);
            atomically(files.summaryCsv(), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not write the report to " + files.outDir() + ": " + e.getMessage(), e);
        }
    }

    private static FrameSource frames(ReportFiles files) {
        return relative -> {
            String lower = relative.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".png")
                    || lower.endsWith(".jpg")
                    || lower.endsWith(".jpeg")
                    || lower.endsWith(".webp"))) {
                return Optional.empty();
            }
            return files.runFile(relative).filter(Files::isRegularFile).flatMap(path -> {
                try {
                    return Files.size(path) > MAX_FRAME_BYTES
                            ? Optional.empty()
                            : Optional.of(Files.readAllBytes(path));
                } catch (IOException e) {
                    return Optional.empty();
                }
            });
        };
    }

    private static void atomically(Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
