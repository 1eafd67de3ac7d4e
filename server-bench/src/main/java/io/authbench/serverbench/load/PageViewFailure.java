package io.authbench.serverbench.load;

/** One failed page view: its {@link ErrorKind} and a short description (never a secret or a response body). */
public final class PageViewFailure extends Exception {
    private final ErrorKind kind;

    public PageViewFailure(ErrorKind kind, String description) {
        super(description, null, false, false);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
