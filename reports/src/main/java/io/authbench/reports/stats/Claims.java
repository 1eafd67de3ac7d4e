package io.authbench.reports.stats;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.CodeSize;
import io.authbench.reports.results.Flows;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Quantiles;
import io.authbench.reports.results.RunResults;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Variants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts each of the eight claims of the seed post ("SSR vs CSR with Next.js") next to the measurement that tests
 * it. The rule for each verdict is written next to the claim below and in reports/README.md.
 */
public final class Claims {
    /** Flows that load a page from scratch, in order of preference for "initial load". */
    static final List<String> INITIAL_LOAD_FLOWS = List.of(Flows.REVISIT_COLD, Flows.LOGIN);
    /** The flow that measures {@code contentWithoutJs}. */
    static final String NO_JS_FLOW = Flows.NO_JS;

    private final RunResults results;
    private final List<CellComparison> comparisons;
    private final List<Sample> measured;

    private Claims(RunResults results, List<CellComparison> comparisons) {
        this.results = results;
        this.comparisons = comparisons;
        this.measured =
                results.samples().stream().filter(s -> !s.warmup() && s.ok()).toList();
    }

    /** The eight rows, in the post's order. */
    public static List<ClaimRow> of(RunResults results, List<CellComparison> ssrCsr) {
        Claims claims = new Claims(results, ssrCsr);
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

    // Confirmed when the name is in SSR's JavaScript-free HTML every time and never in CSR's.
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
                "the no-js flow did not run, so content without JavaScript was not measured",
                "SSR's HTML carried the name in every no-JS sample and CSR's never did");
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
                "the no-js flow did not run",
                "only SSR's HTML holds the content for a crawler that runs no JavaScript");
        return new ClaimRow(
                row.topic(),
                row.claim(),
                row.measurement(),
                row.ssr(),
                row.csr(),
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
            String notMeasured,
            String confirmedWhy) {
        // A verdict only when every no-js sample of both variants was judged: an unjudged one could be the exception.
        if (ssr.unjudged > 0 || csr.unjudged > 0) {
            return new ClaimRow(
                    topic,
                    claim,
                    measurement,
                    ssrText,
                    csrText,
                    ClaimVerdict.NOT_MEASURED,
                    Stream.of(ssr.unjudgedText("SSR"), csr.unjudgedText("CSR"))
                            .filter(t -> !t.isEmpty())
                            .collect(Collectors.joining("; ")));
        }
        if (ssr.total == 0 || csr.total == 0) {
            return new ClaimRow(topic, claim, measurement, ssrText, csrText, ClaimVerdict.NOT_MEASURABLE, notMeasured);
        }
        if (ssr.yes == ssr.total && csr.yes == 0) {
            return new ClaimRow(topic, claim, measurement, ssrText, csrText, ClaimVerdict.CONFIRMED, confirmedWhy);
        }
        if (ssr.yes == 0 || csr.yes == csr.total) {
            return new ClaimRow(
                    topic,
                    claim,
                    measurement,
                    ssrText,
                    csrText,
                    ClaimVerdict.REFUTED,
                    "the content was " + (ssr.yes == 0 ? "missing from SSR's HTML" : "present in CSR's HTML")
                            + " without JavaScript");
        }
        return new ClaimRow(
                topic,
                claim,
                measurement,
                ssrText,
                csrText,
                ClaimVerdict.PARTLY_CONFIRMED,
                "the content was present in " + ssr.yes + "/" + ssr.total + " SSR and " + csr.yes + "/" + csr.total
                        + " CSR samples without JavaScript");
    }

    // Confirmed when SSR is significantly faster in every profile; depends when only in some.
    private ClaimRow initialLoad() {
        String claim = "SSR gives faster initial page loads; CSR must load and run JavaScript first";
        Optional<String> flow =
                INITIAL_LOAD_FLOWS.stream().filter(f -> !cells(f).isEmpty()).findFirst();
        if (flow.isEmpty()) {
            return new ClaimRow(
                    "Initial load time",
                    claim,
                    "time to content of a cold page load",
                    "—",
                    "—",
                    ClaimVerdict.NOT_MEASURABLE,
                    "neither the revisit-cold nor the login flow ran");
        }
        List<CellComparison> cells = cells(flow.get());
        Classified c = classify(cells, Verdict.Kind.FIRST_FASTER);
        return new ClaimRow(
                "Initial load time",
                claim,
                "time to content, flow " + flow.get() + ", per profile (median)",
                perProfile(cells, true),
                perProfile(cells, false),
                c.verdict,
                c.why);
    }

    // Per-iteration app CPU and client task time as paired ratios with intervals: the rule is in ResourceClaim.
    private ClaimRow resources() {
        return ResourceClaim.row(measured, comparisons, results.run().seed());
    }

    // Confirmed when SSR wins the initial load everywhere and CSR wins in-app navigation everywhere.
    private ClaimRow userExperience() {
        String claim = "SSR feels faster at first; CSR gives smoother transitions after the initial load";
        Optional<String> initialFlow =
                INITIAL_LOAD_FLOWS.stream().filter(f -> !cells(f).isEmpty()).findFirst();
        List<CellComparison> navigate = cells(Flows.NAVIGATE);
        String measurement = "time to content of the initial load (" + initialFlow.orElse("not run")
                + ") and of in-app navigation to /profile (navigate)";
        if (initialFlow.isEmpty() || navigate.isEmpty()) {
            String skipped = results.run().config().skippedFlows().get(Flows.NAVIGATE);
            return new ClaimRow(
                    "User experience",
                    claim,
                    measurement,
                    "—",
                    "—",
                    ClaimVerdict.NOT_MEASURABLE,
                    "needs both an initial-load flow and the navigate flow"
                            + (skipped == null ? "" : " (navigate was skipped: " + skipped + ")"));
        }
        Classified initial = classify(cells(initialFlow.get()), Verdict.Kind.FIRST_FASTER);
        Classified after = classify(navigate, Verdict.Kind.SECOND_FASTER);
        String ssr =
                "initial: " + perProfile(cells(initialFlow.get()), true) + "; navigate: " + perProfile(navigate, true);
        String csr = "initial: " + perProfile(cells(initialFlow.get()), false) + "; navigate: "
                + perProfile(navigate, false);
        ClaimVerdict verdict;
        if (initial.verdict == ClaimVerdict.NOT_MEASURABLE || after.verdict == ClaimVerdict.NOT_MEASURABLE) {
            verdict = ClaimVerdict.NOT_MEASURABLE;
        } else if (initial.verdict == after.verdict) {
            verdict = initial.verdict;
        } else if (initial.verdict == ClaimVerdict.DEPENDS_ON_PROFILE
                || after.verdict == ClaimVerdict.DEPENDS_ON_PROFILE) {
            verdict = ClaimVerdict.DEPENDS_ON_PROFILE;
        } else {
            verdict = ClaimVerdict.PARTLY_CONFIRMED;
        }
        return new ClaimRow(
                "User experience",
                claim,
                measurement,
                ssr,
                csr,
                verdict,
                "initial load: " + initial.why + "; after the initial load: " + after.why);
    }

    private ClaimRow complexity() {
        String claim = "SSR is more complex to build; CSR is simpler at first but state gets complex";
        String measurement = "not measurable by a benchmark; proxy: lines of code of each app's auth path";
        String ssr = codeSize(Variants.SSR);
        String csr = codeSize(Variants.CSR);
        return new ClaimRow(
                "Development complexity",
                claim,
                measurement,
                ssr,
                csr,
                ClaimVerdict.NOT_MEASURABLE,
                "complexity is a judgement, not a measurement; the line counts are a proxy only"
                        + (results.codeSize().isEmpty() ? " and were not recorded in this run" : ""));
    }

    private String codeSize(String variant) {
        return results.codeSize().stream()
                .filter(c -> c.variant().equals(variant))
                .findFirst()
                .map((CodeSize c) -> c.linesOfCode() + " lines in " + c.files().size() + " files (proxy)")
                .orElse("not recorded");
    }

    // Fewer browser round trips for SSR; the timing verdict on the initial-load flow decides confirmed/depends.
    private ClaimRow dataFetching() {
        String claim = "SSR fetches data on the server before rendering; CSR fetches in the browser, delaying content";
        Optional<String> flow =
                INITIAL_LOAD_FLOWS.stream().filter(f -> !cells(f).isEmpty()).findFirst();
        if (flow.isEmpty()) {
            return new ClaimRow(
                    "Data fetching",
                    claim,
                    "critical-path round trips and time to content",
                    "—",
                    "—",
                    ClaimVerdict.NOT_MEASURABLE,
                    "neither the revisit-cold nor the login flow ran");
        }
        Predicate<Sample> inFlow = s -> s.flow().equals(flow.get());
        Optional<Double> ssrDepth = median(Variants.SSR, Metric.CRITICAL_PATH_DEPTH, inFlow);
        Optional<Double> csrDepth = median(Variants.CSR, Metric.CRITICAL_PATH_DEPTH, inFlow);
        Optional<Double> ssrCalls = median(Variants.SSR, Metric.APPWRITE_CALLS_BROWSER, inFlow);
        Optional<Double> csrCalls = median(Variants.CSR, Metric.APPWRITE_CALLS_BROWSER, inFlow);
        String measurement = "browser round trips on the critical path and browser→Appwrite calls (flow " + flow.get()
                + "); time to content per profile";
        String ssrText = depthText(ssrDepth, ssrCalls) + "; " + perProfile(cells(flow.get()), true);
        String csrText = depthText(csrDepth, csrCalls) + "; " + perProfile(cells(flow.get()), false);
        Classified timing = classify(cells(flow.get()), Verdict.Kind.FIRST_FASTER);
        if (ssrDepth.isEmpty() || csrDepth.isEmpty()) {
            return new ClaimRow(
                    "Data fetching",
                    claim,
                    measurement,
                    ssrText,
                    csrText,
                    ClaimVerdict.NOT_MEASURABLE,
                    "critical-path depth was not recorded");
        }
        if (ssrDepth.get() >= csrDepth.get()) {
            return new ClaimRow(
                    "Data fetching",
                    claim,
                    measurement,
                    ssrText,
                    csrText,
                    ClaimVerdict.REFUTED,
                    "SSR's critical path was not shorter in browser round trips; " + timing.why);
        }
        return new ClaimRow(
                "Data fetching",
                claim,
                measurement,
                ssrText,
                csrText,
                timing.verdict,
                "SSR's critical path has fewer browser round trips (the Appwrite calls move to the app↔Appwrite link); "
                        + timing.why);
    }

    private static String depthText(Optional<Double> depth, Optional<Double> calls) {
        return depth.map(d -> Format.count(d) + " round trips").orElse("depth n/a") + ", "
                + calls.map(c -> Format.count(c) + " browser→Appwrite calls").orElse("calls n/a");
    }

    /** Classifies per-profile verdicts against the claimed direction. */
    static Classified classify(List<CellComparison> cells, Verdict.Kind claimed) {
        List<CellComparison> decided = cells.stream()
                .filter(c -> c.verdict() != null && c.verdict().kind() != Verdict.Kind.TOO_FEW_PAIRS)
                .toList();
        if (decided.isEmpty()) {
            return new Classified(ClaimVerdict.NOT_MEASURABLE, "too few complete pairs for a verdict in any profile");
        }
        List<String> agree = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (CellComparison c : decided) {
            (c.verdict().kind() == claimed ? agree : other)
                    .add(c.profile() + ": " + c.verdict().sentence());
        }
        String why = String.join("; ", agree.isEmpty() ? other : concat(agree, other));
        if (other.isEmpty()) {
            return new Classified(ClaimVerdict.CONFIRMED, why);
        }
        if (agree.isEmpty()) {
            return new Classified(ClaimVerdict.REFUTED, why);
        }
        return new Classified(ClaimVerdict.DEPENDS_ON_PROFILE, why);
    }

    record Classified(ClaimVerdict verdict, String why) {}

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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
