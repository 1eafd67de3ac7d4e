package io.authbench.reports.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One measured iteration: one variant of one flow under one profile.
 *
 * <p>Samples with the same {@code flow}, {@code profile} and {@code pair} form a pair (one SSR and one CSR
 * iteration, or the two A/A variants), run back to back in the recorded {@code order}.
 *
 * @param flow        flow name (docs/architecture.md#flows), e.g. {@code login}
 * @param variant     {@code ssr}, {@code csr}, or an A/A label ({@code ssr-a}, {@code ssr-b}); see {@link Variants}
 * @param profile     profile name
 * @param pair        pair number within the cell, from 0; warm-up pairs are numbered separately from 0 too
 * @param order       position within the pair: 0 ran first, 1 second
 * @param warmup      true for a warm-up iteration (recorded for transparency, never summarised)
 * @param ok          true if the iteration passed its correctness check
 * @param failure     why it failed (one sentence, no secrets), null when ok
 * @param startedAt   wall-clock time of the user action
 * @param metrics     what was measured; may be partial for a failed sample
 * @param requests    every request on the three links, for the waterfall (may be empty)
 * @param screenshots filmstrip frames, if the harness captured them for this sample
 * @param timeToContentMethod how {@code timeToContentMs} was taken: {@value #ELEMENT_TIMING} (the content element's
 *                    Element Timing entry) or {@value #OBSERVER} (no {@code elementtiming} attribute: the first frame
 *                    after a MutationObserver saw the expected content); null = not recorded (files written before
 *                    the field existed used Element Timing) or no time to content
 * @param checks      what the correctness checks saw, by check (e.g. {@code sessionCookie}: the cookie's attributes;
 *                    {@code contentWithoutJs}: why it could not be judged); one line each, user text escaped; empty
 *                    when nothing was recorded
 * @param csrSessionPath for a CSR sample, how its Appwrite session reached the browser: {@value #COOKIE_PATH} (only
 *                    the HttpOnly cookie; Appwrite verified the app's domain and sent no {@code X-Fallback-Cookies})
 *                    or {@value #FALLBACK_PATH} (Appwrite sent {@code X-Fallback-Cookies} and the Web SDK kept the
 *                    session in {@code localStorage.cookieFallback}, where page script can read it); null for SSR
 *                    samples, samples that failed before it was observed, and files written before the field existed
 * @param block       the block of the run the sample belongs to, from 0 (docs/statistics.md#blocks): the stack was
 *                    restarted between blocks; null (written as absent) when unknown, as in files written before the
 *                    field existed, which the analysis treats as one block
 */
public record Sample(
        String flow,
        String variant,
        String profile,
        int pair,
        int order,
        boolean warmup,
        boolean ok,
        String failure,
        Instant startedAt,
        Metrics metrics,
        List<ObservedRequest> requests,
        List<Screenshot> screenshots,
        String timeToContentMethod,
        Map<String, String> checks,
        String csrSessionPath,
        Integer block) {

    /** {@code timeToContentMethod}: the paint time of the content element's Element Timing entry. */
    public static final String ELEMENT_TIMING = "element-timing";
    /** {@code timeToContentMethod}: the observer-based fallback for pages without an {@code elementtiming} attribute. */
    public static final String OBSERVER = "observer";
    /** {@code csrSessionPath}: the session lives only in Appwrite's HttpOnly cookie. */
    public static final String COOKIE_PATH = "cookie";
    /** {@code csrSessionPath}: Appwrite sent {@code X-Fallback-Cookies}; the session is in {@code localStorage}. */
    public static final String FALLBACK_PATH = "fallback";

    public Sample {
        Objects.requireNonNull(flow, "\"sample.flow\" is missing");
        Objects.requireNonNull(variant, "\"sample.variant\" is missing");
        Objects.requireNonNull(profile, "\"sample.profile\" is missing");
        if (pair < 0) {
            throw new IllegalArgumentException("sample.pair must be >= 0, got " + pair);
        }
        if (order != 0 && order != 1) {
            throw new IllegalArgumentException("sample.order must be 0 or 1, got " + order);
        }
        if (ok && failure != null) {
            throw new IllegalArgumentException("a sample that is ok has no failure reason (got '" + failure + "')");
        }
        if (!ok && (failure == null || failure.isBlank())) {
            throw new IllegalArgumentException("a failed sample needs a failure reason");
        }
        metrics = metrics == null ? Metrics.empty() : metrics;
        requests = requests == null ? List.of() : List.copyOf(requests);
        screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
        checks = checks == null ? Map.of() : Map.copyOf(checks);
        block = block == null || block < 0 ? null : block;
        if (timeToContentMethod != null
                && !timeToContentMethod.equals(ELEMENT_TIMING)
                && !timeToContentMethod.equals(OBSERVER)) {
            throw new IllegalArgumentException("sample.timeToContentMethod must be \"" + ELEMENT_TIMING + "\" or \""
                    + OBSERVER + "\", got \"" + timeToContentMethod + "\"");
        }
        if (csrSessionPath != null && !csrSessionPath.equals(COOKIE_PATH) && !csrSessionPath.equals(FALLBACK_PATH)) {
            throw new IllegalArgumentException("sample.csrSessionPath must be \"" + COOKIE_PATH + "\" or \""
                    + FALLBACK_PATH + "\", got \"" + csrSessionPath + "\"");
        }
    }

    /** Without recorded checks or CSR session path. */
    public Sample(
            String flow,
            String variant,
            String profile,
            int pair,
            int order,
            boolean warmup,
            boolean ok,
            String failure,
            Instant startedAt,
            Metrics metrics,
            List<ObservedRequest> requests,
            List<Screenshot> screenshots,
            String timeToContentMethod) {
        this(
                flow,
                variant,
                profile,
                pair,
                order,
                warmup,
                ok,
                failure,
                startedAt,
                metrics,
                requests,
                screenshots,
                timeToContentMethod,
                null,
                null,
                null);
    }

    /** Without a recorded time-to-content method. */
    public Sample(
            String flow,
            String variant,
            String profile,
            int pair,
            int order,
            boolean warmup,
            boolean ok,
            String failure,
            Instant startedAt,
            Metrics metrics,
            List<ObservedRequest> requests,
            List<Screenshot> screenshots) {
        this(flow, variant, profile, pair, order, warmup, ok, failure, startedAt, metrics, requests, screenshots, null);
    }

    /** A successful sample. */
    public static Sample ok(
            String flow,
            String variant,
            String profile,
            int pair,
            int order,
            Instant startedAt,
            Metrics metrics,
            List<ObservedRequest> requests) {
        return new Sample(
                flow, variant, profile, pair, order, false, true, null, startedAt, metrics, requests, List.of());
    }

    /** A failed sample: kept, counted and shown with its reason, never silently dropped. */
    public static Sample failed(
            String flow,
            String variant,
            String profile,
            int pair,
            int order,
            Instant startedAt,
            String reason,
            Metrics partialMetrics) {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                false,
                false,
                reason,
                startedAt,
                partialMetrics,
                List.of(),
                List.of());
    }

    public Sample asWarmup() {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                true,
                ok,
                failure,
                startedAt,
                metrics,
                requests,
                screenshots,
                timeToContentMethod,
                checks,
                csrSessionPath,
                block);
    }

    public Sample withScreenshots(List<Screenshot> frames) {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                warmup,
                ok,
                failure,
                startedAt,
                metrics,
                requests,
                frames,
                timeToContentMethod,
                checks,
                csrSessionPath,
                block);
    }

    public Sample withMetrics(Metrics newMetrics) {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                warmup,
                ok,
                failure,
                startedAt,
                newMetrics,
                requests,
                screenshots,
                timeToContentMethod,
                checks,
                csrSessionPath,
                block);
    }

    /** The same sample with {@code method} ({@link #ELEMENT_TIMING}, {@link #OBSERVER} or null) recorded. */
    public Sample withTimeToContentMethod(String method) {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                warmup,
                ok,
                failure,
                startedAt,
                metrics,
                requests,
                screenshots,
                method,
                checks,
                csrSessionPath,
                block);
    }

    /** The same sample with {@code seen} (check → what it saw) recorded. */
    public Sample withChecks(Map<String, String> seen) {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                warmup,
                ok,
                failure,
                startedAt,
                metrics,
                requests,
                screenshots,
                timeToContentMethod,
                seen,
                csrSessionPath,
                block);
    }

    /** The same sample with its CSR session path ({@link #COOKIE_PATH}, {@link #FALLBACK_PATH} or null) recorded. */
    public Sample withCsrSessionPath(String path) {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                warmup,
                ok,
                failure,
                startedAt,
                metrics,
                requests,
                screenshots,
                timeToContentMethod,
                checks,
                path,
                block);
    }

    /** The same sample recorded as part of block {@code index} (0 or more; negative: unknown). */
    public Sample withBlock(int index) {
        return new Sample(
                flow,
                variant,
                profile,
                pair,
                order,
                warmup,
                ok,
                failure,
                startedAt,
                metrics,
                requests,
                screenshots,
                timeToContentMethod,
                checks,
                csrSessionPath,
                index);
    }

    /** {@link #block}, or -1 when unknown. */
    public int blockIndex() {
        return block == null ? -1 : block;
    }
}
