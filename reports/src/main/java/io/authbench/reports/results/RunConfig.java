package io.authbench.reports.results;

import java.util.List;
import java.util.Map;

/**
 * The configuration a run was asked to execute (after defaults were applied).
 *
 * @param flows       flow names in run order, e.g. {@code login}, {@code revisit} (docs/architecture.md#flows)
 * @param profiles    profile names in run order, e.g. {@code loopback}, {@code slow-4g}
 * @param pairs       measured pairs per cell
 * @param warmupPairs discarded pairs per cell, run before the measured ones
 * @param aaFlow      the flow of the A/A cell (SSR against SSR), null when no A/A cell was run
 * @param timeoutsMs  named timeouts in milliseconds: {@code iteration}, {@code serverStart}, {@code sdkCall}, ...
 * @param settings    any other option that shaped the numbers (browser path, cpu batch size, ...), as text;
 *                    never a secret
 * @param skippedFlows flows of {@code flows} that were not run, each with the reason (e.g. the apps have no profile
 *                    page, so {@code navigate} cannot run); empty when every flow ran
 * @param variants    the variant labels every cell measured, in pair order: {@code ["ssr","csr"]}, or with the
 *                    Next.js pair {@code ["ssr","csr","next-ssr","next-csr"]} (the A/A labels are not listed: see
 *                    {@link #aaFlow}); empty in files written before it was recorded, which ran
 *                    {@link #variantsRun() ssr and csr}
 * @param apps        per label of {@link #variants}, the app it ran against; empty in files written before it was
 *                    recorded
 * @param blocks      how the run was split into blocks and when a cell stopped (docs/statistics.md#blocks); null in
 *                    files written before it was recorded, which ran {@link #pairs} pairs per cell in one block
 */
public record RunConfig(
        List<String> flows,
        List<String> profiles,
        int pairs,
        int warmupPairs,
        String aaFlow,
        Map<String, Long> timeoutsMs,
        Map<String, String> settings,
        Map<String, String> skippedFlows,
        List<String> variants,
        Map<String, VariantApp> apps,
        BlockDesign blocks) {

    public RunConfig {
        variants = variants == null ? List.of() : List.copyOf(variants);
        apps = apps == null ? Map.of() : Map.copyOf(apps);
        skippedFlows = skippedFlows == null ? Map.of() : Map.copyOf(skippedFlows);
        flows = flows == null ? List.of() : List.copyOf(flows);
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        timeoutsMs = timeoutsMs == null ? Map.of() : Map.copyOf(timeoutsMs);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** No block design recorded (as in files written before it was). */
    public RunConfig(
            List<String> flows,
            List<String> profiles,
            int pairs,
            int warmupPairs,
            String aaFlow,
            Map<String, Long> timeoutsMs,
            Map<String, String> settings,
            Map<String, String> skippedFlows,
            List<String> variants,
            Map<String, VariantApp> apps) {
        this(flows, profiles, pairs, warmupPairs, aaFlow, timeoutsMs, settings, skippedFlows, variants, apps, null);
    }

    /** The variants and their apps not recorded (as in files written before they were). */
    public RunConfig(
            List<String> flows,
            List<String> profiles,
            int pairs,
            int warmupPairs,
            String aaFlow,
            Map<String, Long> timeoutsMs,
            Map<String, String> settings,
            Map<String, String> skippedFlows) {
        this(flows, profiles, pairs, warmupPairs, aaFlow, timeoutsMs, settings, skippedFlows, List.of(), Map.of());
    }

    /** Every flow ran. */
    public RunConfig(
            List<String> flows,
            List<String> profiles,
            int pairs,
            int warmupPairs,
            String aaFlow,
            Map<String, Long> timeoutsMs,
            Map<String, String> settings) {
        this(flows, profiles, pairs, warmupPairs, aaFlow, timeoutsMs, settings, Map.of(), List.of(), Map.of());
    }

    /** The same configuration with the variants measured and their apps. */
    public RunConfig withVariants(List<String> variantLabels, Map<String, VariantApp> variantApps) {
        return new RunConfig(
                flows,
                profiles,
                pairs,
                warmupPairs,
                aaFlow,
                timeoutsMs,
                settings,
                skippedFlows,
                variantLabels,
                variantApps,
                blocks);
    }

    /** The same configuration with its block design recorded. */
    public RunConfig withBlocks(BlockDesign design) {
        return new RunConfig(
                flows,
                profiles,
                pairs,
                warmupPairs,
                aaFlow,
                timeoutsMs,
                settings,
                skippedFlows,
                variants,
                apps,
                design);
    }

    /** {@link #blocks}, or one block of {@link #pairs} pairs for files written before it was recorded. */
    public BlockDesign blockDesign() {
        return blocks == null ? BlockDesign.fixed(pairs) : blocks;
    }

    /** {@link #variants}, or {@code ssr} and {@code csr} for files written before the field existed. */
    public List<String> variantsRun() {
        return variants.isEmpty() ? List.of(Variants.SSR, Variants.CSR) : variants;
    }

    /** The flows that ran: {@link #flows} without {@link #skippedFlows}. */
    public List<String> flowsRun() {
        return flows.stream().filter(f -> !skippedFlows.containsKey(f)).toList();
    }
}
