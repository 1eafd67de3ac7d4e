package io.authbench.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one class that names the files of a run folder:
 * <pre>
 * results.json            every sample and summary (written through reports' ResultsWriter)
 * histograms/*.hlog       HdrHistogram log of time to content per cell variant
 * logs/*.stdout.log       each child server's output (emulator, apps per profile)
 * </pre>
 */
public final class RunFolder {
    private final Path root;

    private RunFolder(Path root) {
        this.root = root;
    }

    /** Creates the folder (and its sub-folders) if missing. */
    public static RunFolder create(Path root) {
        RunFolder folder = new RunFolder(root.toAbsolutePath().normalize());
        try {
            Files.createDirectories(folder.logs());
            Files.createDirectories(folder.histograms());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + folder.root + " (" + e.getMessage()
                    + "); choose another with --out / -Dbench.out", e);
        }
        return folder;
    }

    public Path root() {
        return root;
    }

    public Path results() {
        return root.resolve("results.json");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path histograms() {
        return root.resolve("histograms");
    }

    /** Relative name of a cell variant's histogram log, e.g. {@code histograms/login.slow-4g.ssr.hlog}. */
    public String histogramName(String flow, String profile, String variant) {
        return "histograms/" + flow + "." + profile + "." + variant + ".hlog";
    }
}
