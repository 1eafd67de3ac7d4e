package io.authbench.reports.html;

import io.authbench.reports.calibration.AaCalibrationFile;
import io.authbench.reports.format.Format;
import io.authbench.reports.results.BlockDesign;
import io.authbench.reports.results.CalibratedLink;
import io.authbench.reports.results.Environment;
import io.authbench.reports.results.Incident;
import io.authbench.reports.results.Run;
import io.authbench.reports.results.RunConfig;
import io.authbench.reports.results.Sample;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.ReportModel;
import java.util.Map;
import java.util.TreeMap;

/** Section 7: A/A noise floor, link calibration, environment, configuration and every failure. */
final class ValiditySection {
    private ValiditySection() {}

    static String html(ReportModel model, AaCalibrationFile.Loaded aaCalibration) {
        return """
                <section id="validity">
                <h2>7. Validity</h2>
                <h3>A/A: the noise floor</h3>
                %s
                <h3>Link calibration</h3>
                %s
                <h3>Environment</h3>
                %s
                <h3>Configuration</h3>
                %s
                <h3>CSR session path</h3>
                %s
                <h3>Incidents</h3>
                %s
                <h3>Failures</h3>
                %s
                </section>
                """.formatted(
                        aa(model) + AaCalibrationNote.html(aaCalibration, model),
                        links(model),
                        environment(model.results().environment()),
                        configuration(model.results().run()),
                        CsrSessionPathNote.html(model),
                        incidents(model),
                        failures(model));
    }

    private static String aa(ReportModel model) {
        if (model.comparisons().aa().isEmpty()) {
            return "<p class=\"empty\">No A/A cell ran, so the noise floor of this machine is unknown.</p>";
        }
        StringBuilder rows = new StringBuilder();
        for (CellComparison c : model.comparisons().aa()) {
            rows.append(TimeToContentSection.row(c));
        }
        return """
                <p>The same SSR app measured against itself (labels SSR-A and SSR-B). A ratio interval around 1 shows \
                how large a difference this machine produces by chance; SSR/CSR differences inside that range are noise.</p>
                <div class="wide"><table class="numbers">
                <thead><tr><th>flow</th><th>profile</th><th>SSR-A median (p90)</th><th>SSR-B median (p90)</th>\
                <th>failures A / B</th><th>pairs</th><th>ratio A/B [95 %% CI]</th><th>p</th><th>p (Holm)</th>\
                <th>verdict</th></tr></thead><tbody>
                %s</tbody></table></div>
                """.formatted(rows);
    }

    private static String links(ReportModel model) {
        if (model.results().links().isEmpty()) {
            String why = model.results().run().config().settings().get("linkCalibration");
            if (why != null) { // a run without links (target apps): calibration does not apply
                return "<p class=\"empty\">Link calibration: " + Html.escape(why) + ".</p>";
            }
            return "<p class=\"empty\">No link calibration was recorded.</p>";
        }
        StringBuilder rows = new StringBuilder();
        for (CalibratedLink l : model.results().links()) {
            double configured = l.configured().rttMs();
            String deviation = l.measuredRttMs() == null ? "—" : Format.num(l.measuredRttMs() - configured, 2) + " ms";
            rows.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>
                    """.formatted(
                            Html.escape(l.profile()),
                            Html.escape(l.link().code()),
                            Format.ms(configured),
                            Format.ms(l.measuredRttMs()),
                            deviation,
                            Format.bitsPerSecond(l.configured().downBitsPerSecond()),
                            Format.bitsPerSecond(l.measuredDownBitsPerSecond()),
                            Format.bitsPerSecond(l.configured().upBitsPerSecond()),
                            Format.bitsPerSecond(l.measuredUpBitsPerSecond())));
        }
        return """
                <div class="wide"><table class="numbers"><thead><tr><th>profile</th><th>link</th><th>RTT configured</th>\
                <th>RTT measured</th><th>difference</th><th>down configured</th><th>down measured</th><th>up configured</th>\
                <th>up measured</th></tr></thead><tbody>
                %s</tbody></table></div>
                """.formatted(rows);
    }

    private static String environment(Environment e) {
        if (e == null) {
            return "<p class=\"empty\">The run recorded no environment.</p>";
        }
        StringBuilder sdks = new StringBuilder();
        e.sdks()
                .forEach((k, v) -> sdks.append(sdks.length() == 0 ? "" : ", ")
                        .append(k)
                        .append(' ')
                        .append(v));
        return definitionList(new String[][] {
            {"CPU", e.cpuModel()},
            {"cores", e.cores() == null ? null : e.cores().toString()},
            {
                "memory",
                e.memoryBytes() == null ? null : Format.bytes(e.memoryBytes().doubleValue())
            },
            {"OS", e.os()},
            {"JVM", e.jvm()},
            {"Chromium", e.chromium()},
            {"Playwright", e.playwright()},
            {"Appwrite SDKs", sdks.length() == 0 ? null : sdks.toString()},
            {"git commit", e.gitCommit()},
            {"backend", e.backend()},
            {"backend version", e.backendVersion()}
        });
    }

    private static String configuration(Run run) {
        RunConfig c = run.config();
        return definitionList(new String[][] {
            {"run id", run.id()},
            {"status", run.status().code() + (run.statusReason() == null ? "" : " — " + run.statusReason())},
            {"started", run.startedAt() == null ? null : run.startedAt().toString()},
            {"finished", run.finishedAt() == null ? null : run.finishedAt().toString()},
            {"seed", Long.toString(run.seed())},
            {"quick mode", Boolean.toString(run.quick())},
            {"flows", String.join(", ", c.flows())},
            {"skipped flows", c.skippedFlows().isEmpty() ? "none" : sorted(c.skippedFlows(), "")},
            {"profiles", String.join(", ", c.profiles())},
            {"measured pairs per cell", Integer.toString(c.pairs())},
            {"warm-up pairs", warmups(c)},
            {"blocks", c.blocks() == null ? null : blocks(c.blocks())},
            {"A/A flow", c.aaFlow()},
            {"timeouts", c.timeoutsMs().isEmpty() ? null : sorted(c.timeoutsMs(), " ms")},
            {"settings", c.settings().isEmpty() ? null : sorted(redacted(c.settings()), "")}
        });
    }

    private static String blocks(BlockDesign d) {
        return d.adaptive()
                ? d.minBlocks() + " to " + d.maxBlocks() + " of " + d.pairsPerBlock()
                        + " pairs; a cell stops once its ratio's 95 % interval is within ±"
                        + Format.num(d.precision(), 3)
                        + " in log terms"
                : d.maxBlocks() + " of " + d.pairsPerBlock() + " pairs (fixed)";
    }

    /**
     * Settings must never hold secrets (the writer's contract); as a second line of defence, any value whose name
     * looks like a credential is not shown.
     */
    /** Runs recorded before {@code settings.warmup} warmed every cell (in every block). */
    private static String warmups(RunConfig c) {
        String rule = c.settings().get("warmup");
        return c.warmupPairs() + " " + (rule != null ? rule : "per cell" + (c.blocks() == null ? "" : " per block"));
    }

    static Map<String, String> redacted(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) ->
                out.put(k, k.matches("(?i).*(key|secret|token|password|cookie|credential).*") ? "(redacted)" : v));
        return out;
    }

    private static String sorted(Map<String, ?> map, String unit) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(map)
                .forEach((k, v) -> out.append(out.length() == 0 ? "" : "; ")
                        .append(k)
                        .append(' ')
                        .append(v)
                        .append(unit));
        return out.toString();
    }

    private static String definitionList(String[][] entries) {
        StringBuilder out = new StringBuilder("<dl class=\"facts\">");
        for (String[] e : entries) {
            out.append("<dt>")
                    .append(Html.escape(e[0]))
                    .append("</dt><dd>")
                    .append(e[1] == null ? "<span class=\"empty\">unknown</span>" : Html.escape(e[1]))
                    .append("</dd>");
        }
        return out.append("</dl>\n").toString();
    }

    private static String incidents(ReportModel model) {
        if (model.results().incidents().isEmpty()) {
            return "<p>None.</p>";
        }
        StringBuilder out = new StringBuilder("<ul class=\"incidents\">");
        for (Incident i : model.results().incidents()) {
            out.append("<li><b>")
                    .append(Html.escape(i.component()))
                    .append("</b> (")
                    .append(Html.escape(i.at()))
                    .append("): <span class=\"reason\">")
                    .append(Html.escape(i.message()))
                    .append("</span></li>");
        }
        return out.append("</ul>\n").toString();
    }

    private static String failures(ReportModel model) {
        var failures = model.failures();
        if (failures.isEmpty()) {
            return "<p>No iteration failed.</p>";
        }
        StringBuilder rows = new StringBuilder();
        for (Sample s : failures) {
            rows.append("""
                    <tr><td>%s</td><td>%s</td><td>%s</td><td>%d%s</td><td>%d</td><td class="reason">%s</td></tr>
                    """.formatted(
                            Html.escape(s.flow()),
                            Html.escape(s.profile()),
                            Html.escape(s.variant().toUpperCase()),
                            s.pair(),
                            s.warmup() ? " (warm-up)" : "",
                            s.order(),
                            Html.escape(s.failure())));
        }
        return """
                <p>%d iterations failed; they are counted per variant in section 2 and left out of the paired statistics.</p>
                <div class="wide"><table><thead><tr><th>flow</th><th>profile</th><th>variant</th><th>pair</th><th>order</th>\
                <th>reason</th></tr></thead><tbody>
                %s</tbody></table></div>
                """.formatted(failures.size(), rows);
    }
}
