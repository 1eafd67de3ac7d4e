package io.authbench.ssr.appwrite;

import java.util.Locale;

/** Appwrite could not be used for a call: it was unreachable, too slow, or its answer made no sense. */
public final class UpstreamFailure extends UpstreamException {

    /** Why the call failed, as far as the page shown to the user is concerned. */
    public enum Kind {
        /** No connection could be made, or it broke before an answer arrived. */
        UNREACHABLE,
        /** No complete answer within the upstream timeout. */
        TIMEOUT,
        /** An answer arrived that is not what Appwrite sends (not JSON, missing fields, wrong types). */
        BAD_RESPONSE
    }

    private final Kind kind;

    UpstreamFailure(String call, Kind kind, String detail, Throwable cause) {
        super(call, kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + detail + ")", cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
