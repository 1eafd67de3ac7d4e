package io.authbench.reports.results;

import java.util.Map;

/**
 * The app one variant label ran against ({@code config.apps} in results.json, keyed by label). Never a secret.
 *
 * @param framework    {@code undertow} (the bundled apps, also for target files standing in for them) or
 *                     {@code nextjs} ({@link Variants#framework})
 * @param pattern      {@code ssr} or {@code csr} ({@link Variants#pattern})
 * @param app          the app's name, e.g. {@code ssr-app}, {@code next-ssr}, or a target file's name
 * @param description  one line on what it is and how it was started
 * @param versions     versions of what it runs on, where cheap to know (e.g. {@code next}, {@code react},
 *                     {@code node}); empty = not recorded
 * @param skippedFlows flows this variant did not run although the run asked for them, each with the reason (e.g.
 *                     the app has no profile page); empty when it ran every flow of {@link RunConfig#flowsRun()}
 */
public record VariantApp(
        String framework,
        String pattern,
        String app,
        String description,
        Map<String, String> versions,
        Map<String, String> skippedFlows) {

    public VariantApp {
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        skippedFlows = skippedFlows == null ? Map.of() : Map.copyOf(skippedFlows);
    }
}
