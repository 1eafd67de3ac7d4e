package io.authbench.reports.stats;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.CodeSize;
import io.authbench.reports.results.Flows;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts each of the eight claims of the seed post ("SSR vs CSR with Next.js") next to the measurement that tests
 * it. Every row carries its rule in words ({@link ClaimRow#rule()}), shown next to the verdict; the same rules are
 * tabled in reports/README.md.
 */
public final class Claims {
    /**
     * The flow that is an initial page load: a signed-in page view with a cold browser cache. The login flow is not
     * one (the page was already loaded; it times an auth transaction dominated by the password hash), so it is never
     * used in its place.
     */
    static final String INITIAL_LOAD_FLOW = Flows.REVISIT_COLD;
    /** The flow that measures {@code contentWithoutJs}. */
    static final String NO_JS_FLOW = Flows.NO_JS;

    private final RunResults results;
    private final List<CellComparison> comparisons;
    private final List<Sample> measured;
    private final int family;

    private Claims(RunResults results, List<CellComparison> comparisons, int family) {
        this.results = results;
        this.comparisons = comparisons;
        this.family = family;
        this.measured =
                results.samples().stream().filter(s -> !s.warmup() && s.ok()).toList();
    }

    /** The eight rows, in the post's order; the cells' Holm family is {@code ssrCsr} itself. */
    public static List<ClaimRow> of(RunResults results, List<CellComparison> ssrCsr) {
        return of(results, ssrCsr, TimingRule.family(ssrCsr));
    }

    /**
     * @param family the number of cells (with pairs) in the Holm family the cells' p-values were corrected in: in a
     *               four-variant run the pattern effect of both frameworks
     */
    public static List<ClaimRow> of(RunResults results, List<CellComparison> ssrCsr, int family) {
        Claims claims = new Claims(results, ssrCsr, family);
        return List.of(
                claims.renderingLocation(),
                claims.initialLoad(),
                claims.seo(),
                claims.resources(),
                claims.userExperience(),
                claims.complexity(),
                SharedCaching.row(claims.measured, Variants.SSR, Variants.CSR),
                claims.dataFetching());
    }

    /** The Holm family of the timing claims: every cell with pairs among the lists (both frameworks' cells). */
    @SafeVarargs
    public static int family(List<CellComparison>... cells) {
        int n = 0;
        for (List<CellComparison> list : cells) {
            n += TimingRule.family(list);
        }
        return n;
    }

    static final String FLAG_RULE = "confirmed when SSR's JavaScript-free HTML carries the user's name in every no-js"
            + " sample and CSR's in none; refuted when SSR's never does or CSR's always does; partly confirmed"
            + " otherwise; not measured when the no-js flow did not run or any of its samples could not be judged";

    private ClaimRow renderingLocation() {
        String claim = "SSR sends fully rendered HTML; CSR sends minimal HTML and renders with JavaScript";
        String measurement =
                "user's name present in the HTML with JavaScript disabled (no-js flow); JavaScript bytes received";
        FlagShare ssr = flagShare(Variants.SSR, Metric.CONTENT_WITHOUT_JS);
        FlagShare csr = flagShare(Variants.CSR, Metric.CONTENT_WITHOUT_JS);
        // JavaScript of a cold load (later flows find the bundle in the cache and would show 0 B).
        Predicate<Sample> cold = s -> s.flow().equals(Flows.REVISIT_COLD);
        String ssrText = ssr.text() + "; JavaScript on a cold load "
                + median(Variants.SSR, Metric.SCRIPT_BYTES, cold)
                        .map(Format::bytes)
                        .orElse("not measured");
        String csrText = csr.text() + "; JavaScript on a cold load "
                + median(Variants.CSR, Metric.SCRIPT_BYTES, cold)
                        .map(Format::bytes)
                        .orElse("not measured");
        return flagClaim(
                "Rendering location",
                claim,
                measurement,
                ssr,
                csr,
                ssrText,
                csrText,
                "SSR's HTML carried the name in every no-JS sample and CSR's never did",
                FLAG_RULE + " (the JavaScript bytes are shown, not judged)");
    }

    private ClaimRow seo() {
        String claim = "SSR is more SEO-friendly: crawlers get the content without running JavaScript";
        String measurement = "content present in the HTML a non-JavaScript crawler receives (no-js flow)";
        FlagShare ssr = flagShare(Variants.SSR, Metric.CONTENT_WITHOUT_JS);
        FlagShare csr = flagShare(Variants.CSR, Metric.CONTENT_WITHOUT_JS);
        ClaimRow row = flagClaim(
                "SEO",
                claim,
                measurement,
                ssr,
                csr,
                ssr.text(),
                csr.text(),
                "only SSR's HTML holds the content for a crawler that runs no JavaScript",
                FLAG_RULE);
        return row.with(
                row.verdict(),
                row.why() + ". Caveat: crawlers that execute JavaScript are not modelled, and pages behind a login are"
                        + " not indexed by search engines anyway");
    }

    private ClaimRow flagClaim(
            String topic,
            String claim,
            String measurement,
            FlagShare ssr,
            FlagShare csr,
            String ssrText,
            String csrText,
            String confirmedWhy,
            String rule) {
        ClaimRow row = new ClaimRow(topic, claim, measurement, ssrText, csrText, null, null, rule);
        // A verdict only when every no-js sample of both variants was judged: an unjudged one could be the exception.
        if (ssr.unjudged > 0 || csr.unjudged > 0) {
            return row.with(
                    ClaimVerdict.NOT_MEASURED,
                    Stream.of(ssr.unjudgedText("SSR"), csr.unjudgedText("CSR"))
                            .filter(t -> !t.isEmpty())
                            .collect(Collectors.joining("; ")));
        }
        if (ssr.total == 0 || csr.total == 0) {
            return row.with(
                    ClaimVerdict.NOT_MEASURED,
                    "the no-js flow did not run for both variants, so content without JavaScript was not measured");
        }
        if (ssr.yes == ssr.total && csr.yes == 0) {
            return row.with(ClaimVerdict.CONFIRMED, confirmedWhy);
        }
        if (ssr.yes == 0 || csr.yes == csr.total) {
            return row.with(
                    ClaimVerdict.REFUTED,
                    "the content was " + (ssr.yes == 0 ? "missing from SSR's HTML" : "present in CSR's HTML")
                            + " without JavaScript");
        }
        return row.with(
                ClaimVerdict.PARTLY_CONFIRMED,
                "the content was present in " + ssr.yes + "/" + ssr.total + " SSR and " + csr.yes + "/" + csr.total
                        + " CSR samples without JavaScript");
    }

    /** The timing rule in words, for the initial-load flow. */
    private String timingRule(String flow, String faster) {
        int needed = TimingRule.minPairs(family);
        return "per profile, " + faster + " significantly faster in time to content of the " + flow + " flow (Holm p"
                + " < 0.05 and the 95 % interval of the paired ratio clear of 1); a profile is judged only with at least "
                + needed + " complete pairs (the fewest with which the test can reach Holm p < 0.05 among " + family
                + " cells); confirmed when in every judged profile, depends on the profile when in some, refuted"
                + " when in none; not measured when the flow did not run or no profile has enough pairs";
    }

    private ClaimRow initialLoad() {
        String claim = "SSR gives faster initial page loads; CSR must load and run JavaScript first";
        List<CellComparison> cells = cells(INITIAL_LOAD_FLOW);
        ClaimRow row = new ClaimRow(
                "Initial load time",
                claim,
                "time to content of a signed-in page view with a cold browser cache (" + INITIAL_LOAD_FLOW
                        + "), per profile (median)",
                cells.isEmpty() ? "—" : perProfile(cells, true),
                cells.isEmpty() ? "—" : perProfile(cells, false),
                null,
                null,
                timingRule(INITIAL_LOAD_FLOW, "SSR"));
        if (cells.isEmpty()) {
            return row.with(ClaimVerdict.NOT_MEASURED, notRun(INITIAL_LOAD_FLOW));
        }
        TimingRule.Outcome c = TimingRule.classify(cells, Verdict.Kind.FIRST_FASTER, family);
        return row.with(c.verdict(), c.why());
    }

    private String notRun(String flow) {
        String skipped = results.run().config().skippedFlows().get(flow);
        return "the " + flow + " flow did not run" + (skipped == null ? "" : " (skipped: " + skipped + ")")
                + (flow.equals(INITIAL_LOAD_FLOW)
                        ? "; login is not used in its place, it is not an initial page load"
                        : "");
    }

    // Per-iteration app CPU and client task time as paired ratios with intervals, and the server phase: ResourceClaim.
    private ClaimRow resources() {
        return ResourceClaim.row(measured, comparisons, results.run().seed(), ServerPhaseCpu.of(results.jmh()));
    }

    private ClaimRow userExperience() {
        String claim = "SSR feels faster at first; CSR gives smoother transitions after the initial load";
        List<CellComparison> initial = cells(INITIAL_LOAD_FLOW);
        List<CellComparison> navigate = cells(Flows.NAVIGATE);
        int needed = TimingRule.minPairs(family);
        ClaimRow row = new ClaimRow(
                "User experience",
                claim,
                "time to content of the initial load (" + INITIAL_LOAD_FLOW
                        + ") and of in-app navigation to /profile (navigate)",
                initial.isEmpty() || navigate.isEmpty()
                        ? "—"
                        : "initial: " + perProfile(initial, true) + "; navigate: " + perProfile(navigate, true),
                initial.isEmpty() || navigate.isEmpty()
                        ? "—"
                        : "initial: " + perProfile(initial, false) + "; navigate: " + perProfile(navigate, false),
                null,
                null,
                "the initial-load rule (SSR faster in " + INITIAL_LOAD_FLOW + ") and the same rule with CSR faster in"
                        + " navigate, each per profile with at least " + needed + " complete pairs; confirmed when both"
                        + " are confirmed, refuted when both are refuted, depends on the profile when either depends,"
                        + " partly confirmed when one holds and the other is refuted; not measured when either flow did"
                        + " not run or has no profile with enough pairs");
        if (initial.isEmpty() || navigate.isEmpty()) {
            return row.with(
                    ClaimVerdict.NOT_MEASURED,
                    "needs both the " + INITIAL_LOAD_FLOW + " and the navigate flow: "
                            + notRun(initial.isEmpty() ? INITIAL_LOAD_FLOW : Flows.NAVIGATE));
        }
        TimingRule.Outcome first = TimingRule.classify(initial, Verdict.Kind.FIRST_FASTER, family);
        TimingRule.Outcome after = TimingRule.classify(navigate, Verdict.Kind.SECOND_FASTER, family);
        ClaimVerdict verdict;
        if (first.verdict() == ClaimVerdict.NOT_MEASURED || after.verdict() == ClaimVerdict.NOT_MEASURED) {
            verdict = ClaimVerdict.NOT_MEASURED;
        } else if (first.verdict() == after.verdict()) {
            verdict = first.verdict();
        } else if (first.verdict() == ClaimVerdict.DEPENDS_ON_PROFILE
                || after.verdict() == ClaimVerdict.DEPENDS_ON_PROFILE) {
            verdict = ClaimVerdict.DEPENDS_ON_PROFILE;
        } else {
            verdict = ClaimVerdict.PARTLY_CONFIRMED;
        }
        return row.with(verdict, "initial load: " + first.why() + "; after the initial load: " + after.why());
    }

    private ClaimRow complexity() {
        String claim = "SSR is more complex to build; CSR is simpler at first but state gets complex";
        String measurement = "not measurable by a benchmark; proxy: lines of code of each app's auth path";
        return new ClaimRow(
                "Development complexity",
                claim,
                measurement,
                codeSize(Variants.SSR),
                codeSize(Variants.CSR),
                ClaimVerdict.NOT_MEASURABLE,
                "complexity is a judgement, not a measurement; the line counts are a proxy only"
                        + (results.codeSize().isEmpty() ? " and were not recorded in this run" : ""),
                COMPLEXITY_RULE);
    }

    static final String COMPLEXITY_RULE =
            "never a verdict: complexity is a judgement; the lines of each app's auth path are shown as a proxy";

    private String codeSize(String variant) {
        return results.codeSize().stream()
                .filter(c -> c.variant().equals(variant))
                .findFirst()
                .map((CodeSize c) -> c.linesOfCode() + " lines in " + c.files().size() + " files (proxy)")
                .orElse("not recorded");
    }

    /**
     * Two parts, as the claim has two: where the data is fetched (SSR's browser calls Appwrite never and CSR's does,
     * and SSR's critical path has fewer browser round trips), and whether that makes the initial load faster (the
     * initial-load rule).
     */
    private ClaimRow dataFetching() {
        String claim = "SSR fetches data on the server before rendering; CSR fetches in the browser, delaying content";
        String flow = INITIAL_LOAD_FLOW;
        List<CellComparison> cells = cells(flow);
        Predicate<Sample> inFlow = s -> s.flow().equals(flow);
        Optional<Double> ssrDepth = median(Variants.SSR, Metric.CRITICAL_PATH_DEPTH, inFlow);
        Optional<Double> csrDepth = median(Variants.CSR, Metric.CRITICAL_PATH_DEPTH, inFlow);
        Optional<Double> ssrCalls = median(Variants.SSR, Metric.APPWRITE_CALLS_BROWSER, inFlow);
        Optional<Double> csrCalls = median(Variants.CSR, Metric.APPWRITE_CALLS_BROWSER, inFlow);
        ClaimRow row = new ClaimRow(
                "Data fetching",
                claim,
                "browser→Appwrite calls and browser round trips on the critical path (medians, flow " + flow
                        + "); time to content per profile",
                cells.isEmpty() ? "—" : depthText(ssrDepth, ssrCalls) + "; " + perProfile(cells, true),
                cells.isEmpty() ? "—" : depthText(csrDepth, csrCalls) + "; " + perProfile(cells, false),
                null,
                null,
                "where: SSR's browser makes no Appwrite call and CSR's does, and SSR's critical path has fewer browser"
                        + " round trips; effect: the initial-load rule (SSR faster in " + flow
                        + " per profile, at least "
                        + TimingRule.minPairs(family) + " complete pairs). Confirmed when where holds and the effect is"
                        + " confirmed; depends on the profile when where holds and the effect depends; partly confirmed"
                        + " when where holds but the load is not faster; refuted when where does not hold; not measured"
                        + " when the flow did not run, the counts were not recorded or no profile has enough pairs");
        if (cells.isEmpty()) {
            return row.with(ClaimVerdict.NOT_MEASURED, notRun(flow));
        }
        if (ssrDepth.isEmpty() || csrDepth.isEmpty() || ssrCalls.isEmpty() || csrCalls.isEmpty()) {
            return row.with(
                    ClaimVerdict.NOT_MEASURED,
                    "browser→Appwrite calls or critical-path depth were not recorded for both variants");
        }
        TimingRule.Outcome timing = TimingRule.classify(cells, Verdict.Kind.FIRST_FASTER, family);
        if (ssrCalls.get() > 0 || csrCalls.get() == 0) {
            return row.with(
                    ClaimVerdict.REFUTED,
                    (ssrCalls.get() > 0
                                    ? "SSR's browser called Appwrite itself"
                                    : "CSR's browser made no Appwrite call")
                            + " (median " + Format.count(ssrCalls.get()) + " vs " + Format.count(csrCalls.get())
                            + " browser→Appwrite calls)");
        }
        if (ssrDepth.get() >= csrDepth.get()) {
            return row.with(
                    ClaimVerdict.REFUTED,
                    "SSR's browser made no Appwrite call, but its critical path was not shorter in browser round trips ("
                            + Format.count(ssrDepth.get()) + " vs " + Format.count(csrDepth.get()) + "); "
                            + timing.why());
        }
        String where = "SSR's browser made no Appwrite call (CSR's " + Format.count(csrCalls.get())
                + ") and its critical path has fewer browser round trips (" + Format.count(ssrDepth.get()) + " vs "
                + Format.count(csrDepth.get()) + "; the Appwrite calls move to the app↔Appwrite link)";
        ClaimVerdict verdict = switch (timing.verdict()) {
            case REFUTED -> ClaimVerdict.PARTLY_CONFIRMED;
            default -> timing.verdict();
        };
        return row.with(
                verdict,
                where + "; "
                        + (timing.verdict() == ClaimVerdict.REFUTED ? "but the initial load was not faster: " : "")
                        + timing.why());
    }

    private static String depthText(Optional<Double> depth, Optional<Double> calls) {
        return depth.map(d -> Format.count(d) + " round trips").orElse("depth n/a") + ", "
                + calls.map(c -> Format.count(c) + " browser→Appwrite calls").orElse("calls n/a");
    }

    private List<CellComparison> cells(String flow) {
        return comparisons.stream().filter(c -> c.flow().equals(flow)).toList();
    }

    private static String perProfile(List<CellComparison> cells, boolean first) {
        return cells.stream()
                .map(c -> {
                    Double median = (first ? c.first() : c.second()).median();
                    return c.profile() + " " + (median == null ? "n/a" : Format.ms(median));
                })
                .collect(Collectors.joining(" · "));
    }

    private Optional<Double> median(String variant, Metric metric, Predicate<Sample> filter) {
        double[] values = measured.stream()
                .filter(s -> s.variant().equals(variant))
                .filter(filter)
                .map(s -> s.metrics().numberOrNull(metric))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .toArray();
        return Optional.ofNullable(Quantiles.median(values));
    }

    /**
     * @param yes      judged samples where the flag is true
     * @param total    judged samples
     * @param unjudged samples of the flag's flow that ran but could not judge it (flag absent)
     * @param reason   the first unjudged sample's recorded reason, if any
     */
    private record FlagShare(int yes, int total, int unjudged, String reason) {
        String text() {
            String judged = total == 0 ? "not measured" : "content without JS in " + yes + "/" + total + " samples";
            return unjudged == 0 ? judged : judged + "; " + unjudged + " not measured";
        }

        String unjudgedText(String variant) {
            return unjudged == 0
                    ? ""
                    : variant + ": " + unjudged + " of " + (total + unjudged) + " no-js samples could not be judged"
                            + (reason == null ? "" : " (" + reason + ")");
        }
    }

    /** The flag's share among the ok samples of the no-js flow (the only flow that measures it). */
    private FlagShare flagShare(String variant, Metric metric) {
        List<Sample> samples = measured.stream()
                .filter(s -> s.variant().equals(variant))
                .filter(s ->
                        s.flow().equals(NO_JS_FLOW) || s.metrics().flag(metric).isPresent())
                .toList();
        List<Boolean> flags = samples.stream()
                .map(s -> s.metrics().flag(metric))
                .flatMap(Optional::stream)
                .toList();
        List<Sample> unjudged =
                samples.stream().filter(s -> s.metrics().flag(metric).isEmpty()).toList();
        String reason = unjudged.stream()
                .map(s -> s.checks().get(metric.key()))
                .filter(r -> r != null)
                .findFirst()
                .orElse(null);
        return new FlagShare((int) flags.stream().filter(b -> b).count(), flags.size(), unjudged.size(), reason);
    }
}
