package io.authbench.reports.calibration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reads and writes an {@link AaCalibration} as JSON, and says which file a report uses: the one named with
 * {@code --aa-calibration FILE}, else {@value #DEFAULT_NAME} in the run folder's parent folder (so a run in
 * {@code target/bench} finds {@code target/aa-calibration.json}, where {@code scripts/aa-runs.sh} writes it by
 * default).
 */
public final class AaCalibrationFile {
    public static final String DEFAULT_NAME = "aa-calibration.json";
    /** A summary of 100 runs is about 40 KB; anything far larger is not one. */
    static final long MAX_BYTES = 1L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private AaCalibrationFile() {}

    /**
     * The calibration a report shows, or why none.
     *
     * @param file        the file looked at; null when none was named and the default does not exist
     * @param calibration its content; null when absent or unreadable
     * @param problem     why a file that exists could not be used; null otherwise
     */
    public record Loaded(Path file, AaCalibration calibration, String problem) {
        public static Loaded none() {
            return new Loaded(null, null, null);
        }
    }

    /** Where a report of {@code runDir} looks when no file is named: {@value #DEFAULT_NAME} in its parent. */
    public static Optional<Path> defaultFor(Path runDir) {
        Path parent = runDir.toAbsolutePath().normalize().getParent();
        return parent == null ? Optional.empty() : Optional.of(parent.resolve(DEFAULT_NAME));
    }

    /**
     * The default file of {@code runDir} if it exists. A default file that cannot be read is reported as a problem
     * to show, not an error: the report of a run must not fail over a file next to it.
     */
    public static Loaded findFor(Path runDir) {
        Optional<Path> file = defaultFor(runDir).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Loaded.none();
        }
        try {
            return new Loaded(file.get(), read(file.get()), null);
        } catch (CalibrationFileException e) {
            return new Loaded(file.get(), null, e.getMessage());
        }
    }

    /** Reads and checks a calibration file; every problem is one sentence naming the file. */
    public static AaCalibration read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new CalibrationFileException(file + ": larger than " + (MAX_BYTES >> 10)
                        + " KiB, so not an A/A calibration summary (scripts/aa-runs.sh writes one)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CalibrationFileException(
                    file + ": no such file; make one with scripts/aa-runs.sh N (see docs/statistics.md)");
        } catch (IOException e) {
            throw new CalibrationFileException(
                    file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        AaCalibration c;
        try {
            // The schema first, so another JSON file (a results.json) is named as such, not by its first odd field.
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null
                    || !tree.isObject()
                    || !AaCalibration.SCHEMA.equals(tree.path("schema").asText())) {
                throw new CalibrationFileException(
                        file + ": not an A/A calibration summary (\"schema\" is not \"" + AaCalibration.SCHEMA + "\")");
            }
            c = MAPPER.treeToValue(tree, AaCalibration.class);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int hint = why.indexOf(" (set ");
            throw new CalibrationFileException(
                    file + ": not an A/A calibration summary (" + (hint > 0 ? why.substring(0, hint) : why) + ")");
        }
        if (c.runs() < 0
                || c.runs() > AaCalibration.MAX_RUNS
                || c.falsePositives() < 0
                || c.falsePositives() > c.runs()
                || c.notUsable() < 0
                || (c.runs() > 0 && c.rate() == null)) {
            throw new CalibrationFileException(file + ": inconsistent counts (" + c.falsePositives()
                    + " false positives of " + c.runs() + " runs); write it again with scripts/aa-runs.sh");
        }
        return c;
    }

    /** Writes through a temporary file and a rename, so a reader never sees half a file. */
    public static void write(AaCalibration calibration, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try {
                Files.writeString(tmp, MAPPER.writeValueAsString(calibration) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A calibration file that cannot be used, with the sentence to show. */
    public static final class CalibrationFileException extends RuntimeException {
        CalibrationFileException(String message) {
            super(message);
        }
    }
}
