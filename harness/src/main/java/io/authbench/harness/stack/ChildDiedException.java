package io.authbench.harness.stack;

/** A child server stopped or stopped answering during the run; the message names it and shows its log tail. */
public class ChildDiedException extends RuntimeException {
    private final String child;

    public ChildDiedException(String child, String message) {
        super(message);
        this.child = child;
    }

    /** The child's name, e.g. {@code ssr-app}. */
    public String child() {
        return child;
    }
}
