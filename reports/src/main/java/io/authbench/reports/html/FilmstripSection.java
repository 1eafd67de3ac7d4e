package io.authbench.reports.html;

import io.authbench.reports.format.Format;
import io.authbench.reports.results.Flows;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Sample;
import io.authbench.reports.results.Screenshot;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.ReportModel;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Section 6: SSR and CSR side by side at fixed time steps for the login pair on the slowest profile that the
 * harness captured (it captures the median pair). Images are embedded as data: URIs so the page stays one file.
 */
final class FilmstripSection {
    private FilmstripSection() {}

    static String html(ReportModel model, FrameSource frames) {
        String profile = model.slowestProfile().orElse(null);
        List<Sample> withFrames = model.results().samples().stream()
                .filter(s -> !s.warmup()
                        && s.flow().equals(Flows.LOGIN)
                        && s.profile().equals(profile)
                        && !s.screenshots().isEmpty()
                        && (s.variant().equals(Variants.SSR) || s.variant().equals(Variants.CSR)))
                .toList();
        Optional<Integer> pair = withFrames.stream()
                .map(Sample::pair)
                .filter(p -> withFrames.stream().filter(s -> s.pair() == p).count() == 2)
                .findFirst();
        if (profile == null || pair.isEmpty()) {
            return """
                    <section id="filmstrip"><h2>6. Filmstrip</h2>
                    <p class="empty">No filmstrip: the run holds no screenshots of an SSR/CSR login pair on the slowest \
                    profile%s.</p></section>
                    """.formatted(profile == null ? "" : " (" + Html.escape(profile) + ")");
        }
        Sample ssr = withFrames.stream()
                .filter(s -> s.pair() == pair.get() && s.variant().equals(Variants.SSR))
                .findFirst()
                .orElseThrow();
        Sample csr = withFrames.stream()
                .filter(s -> s.pair() == pair.get() && s.variant().equals(Variants.CSR))
                .findFirst()
                .orElseThrow();
        TreeSet<Double> steps = new TreeSet<>();
        ssr.screenshots().forEach(f -> steps.add(f.atMs()));
        csr.screenshots().forEach(f -> steps.add(f.atMs()));
        StringBuilder rows = new StringBuilder();
        for (double at : steps) {
            rows.append("<tr><th scope=\"row\">")
                    .append(Format.ms(at))
                    .append("</th><td>")
                    .append(frame(ssr, at, frames))
                    .append("</td><td>")
                    .append(frame(csr, at, frames))
                    .append("</td></tr>\n");
        }
        return """
                <section id="filmstrip">
                <h2>6. Filmstrip</h2>
                <p>Login on <b>%s</b>, pair %d: what the user saw at fixed times after clicking "Sign in". \
                SSR showed the name at %s, CSR at %s.</p>
                <table class="filmstrip"><thead><tr><th>time</th><th>SSR</th><th>CSR</th></tr></thead><tbody>
                %s</tbody></table>
                </section>
                """.formatted(
                        Html.escape(profile),
                        pair.get(),
                        Format.ms(ssr.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS)),
                        Format.ms(csr.metrics().numberOrNull(Metric.TIME_TO_CONTENT_MS)),
                        rows);
    }

    private static String frame(Sample sample, double at, FrameSource frames) {
        Optional<Screenshot> shot =
                sample.screenshots().stream().filter(f -> f.atMs() == at).findFirst();
        if (shot.isEmpty()) {
            return "<span class=\"empty\">no frame</span>";
        }
        String file = shot.get().file();
        String alt = sample.variant().toUpperCase() + " at " + Format.ms(at);
        return frames.read(file)
                .map(bytes -> "<img alt=\"" + Html.escape(alt) + "\" src=\"data:" + mime(file) + ";base64,"
                        + Base64.getEncoder().encodeToString(bytes) + "\" />")
                .orElse("<span class=\"empty\">frame missing: " + Html.escape(file) + "</span>");
    }

    static String mime(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/png";
    }
}
