package io.authbench.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
            throw new UncheckedIOException(
                    "cannot create the run folder " + folder.root + ": " + cause(e)
                            + "; choose another with --out / -Dbench.out",
                    e);
        }
        return folder;
    }

    /**
     * Why a folder could not be made. The JDK's exceptions mostly carry just a path as their message (the one that
     * failed, often the folder asked for), so the kind of failure is spelled out here.
     */
    static String cause(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + " cannot be created (its parent is missing, or is on a file system that does "
                    + "not allow new folders, such as /proc or /sys)";
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied for " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " is a file, not a folder";
        }
        if (e instanceof FileSystemException other && other.getReason() != null) {
            String reason = other.getReason();
            return reason.equals("Not a directory")
                    ? fileInTheWay(Path.of(other.getFile())) + " is a file, not a folder"
                    : other.getFile() + ": " + reason;
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private static Path fileInTheWay(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return path;
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
