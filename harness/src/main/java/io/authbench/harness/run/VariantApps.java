package io.authbench.harness.run;

import io.authbench.harness.apptarget.Target;
import io.authbench.harness.apptarget.TargetSpec;
import io.authbench.harness.cli.HarnessOptions;
import io.authbench.harness.nextjs.NextjsApps;
import io.authbench.harness.plan.Variant;
import io.authbench.harness.stack.Stack;
import io.authbench.reports.results.VariantApp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What results.json records per variant label ({@code config.apps}): the framework, the pattern, which app ran and
 * the versions that are cheap to know. With the Next.js pair the two Next.js apps are described from their target
 * files and installed packages; a target file standing in for a bundled app is described by its name and file.
 */
final class VariantApps {
    private VariantApps() {}

    /**
     * @param nextjsSkipped flows the Next.js pair did not run (recorded with the Next.js variants)
     */
    static Map<String, VariantApp> describe(HarnessOptions options, Map<String, String> nextjsSkipped) {
        Properties versions = EnvironmentProbe.versions();
        Map<String, VariantApp> apps = new LinkedHashMap<>();
        for (Variant variant : options.pairedVariants()) {
            apps.put(variant.label(), describe(variant, options, versions, nextjsSkipped));
        }
        return apps;
    }

    private static VariantApp describe(
            Variant variant, HarnessOptions options, Properties versions, Map<String, String> nextjsSkipped) {
        boolean ssr = variant.runsSsrApp();
        if (variant.nextjs()) {
            TargetSpec spec = options.nextjs().spec(ssr);
            Map<String, String> appVersions = new LinkedHashMap<>();
            options.nextjs().versions().forEach((name, version) -> {
                // each app's own SDK: node-appwrite runs in the SSR server, the Web SDK in the CSR pages
                if (!(ssr ? name.equals("appwrite") : name.equals("node-appwrite"))) {
                    appVersions.put(name, version);
                }
            });
            return new VariantApp(
                    Variant.NEXTJS,
                    variant.pattern(),
                    spec.target().name(),
                    "Next.js app "
                            + options.nextjs().directory().resolve(ssr ? "ssr" : "csr")
                            + " (next start, launched per profile"
                            + " behind its own links from " + spec.target().source() + "; UPSTREAM_TIMEOUT_MS="
                            + NextjsApps.harnessEnvironment(Stack.APP_UPSTREAM_TIMEOUT)
                                    .get("UPSTREAM_TIMEOUT_MS")
                            + " as the bundled apps' upstream timeout)",
                    appVersions,
                    nextjsSkipped);
        }
        Target target = options.targets() == null ? null : options.targets().forVariant(ssr);
        if (target != null) {
            return new VariantApp(
                    Variant.UNDERTOW,
                    variant.pattern(),
                    target.name(),
                    "target file " + target.source() + " (stands in for the bundled " + (ssr ? "ssr-app" : "csr-app")
                            + "; its framework is not known here)",
                    Map.of(),
                    Map.of());
        }
        Map<String, String> appVersions = new LinkedHashMap<>();
        putIfKnown(appVersions, "undertow", versions.getProperty("undertow"));
        putIfKnown(
                appVersions,
                ssr ? "io.appwrite:sdk-for-kotlin" : "appwrite (npm)",
                versions.getProperty(ssr ? "sdk-for-kotlin" : "appwrite-web"));
        putIfKnown(appVersions, "java", System.getProperty("java.runtime.version"));
        return new VariantApp(
                Variant.UNDERTOW,
                variant.pattern(),
                ssr ? "ssr-app" : "csr-app",
                ssr
                        ? "bundled ssr-app: Undertow server, the session secret in an HttpOnly cookie, the Kotlin SDK on the server"
                        : "bundled csr-app: Undertow serves static files, the Web SDK in the page signs in with Appwrite",
                appVersions,
                Map.of());
    }

    private static void putIfKnown(Map<String, String> versions, String name, String version) {
        if (version != null && !version.isBlank() && !version.startsWith("${")) {
            versions.put(name, version);
        }
    }
}
