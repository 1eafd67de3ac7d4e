package io.authbench.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The only class that names the report's input and output files. */
public final class ReportFiles {
    /** The results file a run folder holds. */
    public static final String RESULTS = "results.json";

    public static final String REPORT = "report.html";
    public static final String SUMMARY_CSV = "summary.csv";

    private final Path results;
    private final Path runDir;
    private final Path outDir;

    private ReportFiles(Path results, Path runDir, Path outDir) {
        this.results = results;
        this.runDir = runDir;
        this.outDir = outDir;
    }

    /**
     * @param runDirOrResults a run folder (holding results.json) or the results file itself
     * @param outDir          where to write; null = the run folder
     */
    public static ReportFiles of(Path runDirOrResults, Path outDir) {
        Path results = resultsOf(runDirOrResults);
        Path runDir = results.toAbsolutePath().getParent();
        return new ReportFiles(results, runDir, outDir == null ? runDir : outDir);
    }

    /** Where a run folder's results live (for --baseline, which may also name a folder). */
    public static Path resultsOf(Path runDirOrResults) {
        boolean namesAFile = Files.isRegularFile(runDirOrResults)
                || (!Files.exists(runDirOrResults)
                        && runDirOrResults.getFileName() != null
                        && runDirOrResults.getFileName().toString().endsWith(".json"));
        return namesAFile ? runDirOrResults : runDirOrResults.resolve(RESULTS);
    }

    public Path results() {
        return results;
    }

    public Path runDir() {
        return runDir;
    }

    public Path outDir() {
        return outDir;
    }

    public Path report() {
        return outDir.resolve(REPORT);
    }

    public Path summaryCsv() {
        return outDir.resolve(SUMMARY_CSV);
    }

    /**
     * A file named in results.json (e.g. a screenshot), resolved inside the run folder; empty if the name would
     * leave the folder, so a crafted results file cannot make the report embed arbitrary files.
     */
    public Optional<Path> runFile(String relative) {
        Path resolved = runDir.resolve(relative).normalize();
        return resolved.startsWith(runDir.normalize()) ? Optional.of(resolved) : Optional.empty();
    }
}
