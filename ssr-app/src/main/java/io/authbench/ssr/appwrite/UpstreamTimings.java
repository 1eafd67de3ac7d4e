package io.authbench.ssr.appwrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Appwrite calls one request made, in call order, for its {@code Server-Timing} header
 * (docs/CONVENTIONS.md): {@code aw-create-session;dur=12.345, aw-get-account;dur=1.100}. Durations are the wall
 * time of the call as this app saw it, in milliseconds; a repeated name gets a suffix ({@code aw-get-account-2}).
 *
 * <p>One instance per request; a request is handled by one thread at a time, but the list is synchronized
 * anyway because it is read by Undertow's response-commit listener.
 */
public final class UpstreamTimings {
    private final List<String> entries = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    synchronized void record(String name, long nanos) {
        int count = seen.merge(name, 1, Integer::sum);
        String entryName = count == 1 ? name : name + "-" + count;
        entries.add(String.format(Locale.ROOT, "%s;dur=%.3f", entryName, nanos / 1_000_000.0));
    }

    /** The header value, or empty when the request made no Appwrite call. */
    public synchronized Optional<String> headerValue() {
        return entries.isEmpty()
                ? Optional.empty()
                : Optional.of(entries.stream().collect(Collectors.joining(", ")));
    }
}
