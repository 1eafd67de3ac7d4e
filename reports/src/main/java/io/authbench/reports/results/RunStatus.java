package io.authbench.reports.results;

/** Where a run stands; the writer keeps it current so a reader knows whether the file is complete. */
public enum RunStatus implements Coded {
    /** The harness is still measuring; the file holds everything measured so far. */
    RUNNING("running"),
    /** Every planned iteration ran (some may have failed; see each sample's {@code ok}). */
    COMPLETE("complete"),
    /** Stopped early by the user (Ctrl-C) or by a closed writer; the samples so far are valid. */
    INTERRUPTED("interrupted"),
    /** Stopped early by an error; {@code run.statusReason} says which. */
    FAILED("failed");

    private final String code;

    RunStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
