package io.authbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.reports.format.Format;
import io.authbench.reports.golden.FourVariantResults;
import io.authbench.reports.golden.Golden;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Effects;
import io.authbench.reports.stats.ReportModel;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The page of a four-variant run: per-framework claims, four-variant time to content, and section 2b. */
class FourVariantPageTest {
    private static final ReportModel MODEL = ReportModel.of(FourVariantResults.run(), null, null);
    private static final String PAGE = ReportPage.html(MODEL, FrameSource.none());
    private static final String ESCAPED = "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;";

    @Test
    void the_page_is_well_formed_and_has_the_effects_section_after_time_to_content() throws Exception {
        Document doc = Xhtml.parse(PAGE);

        assertThat(Xhtml.elements(doc, "section"))
                .extracting(e -> e.getAttribute("id"))
                .containsExactly(
                        "claims",
                        "time-to-content",
                        "effects",
                        "round-trips",
                        "resources",
                        "server-side",
                        "filmstrip",
                        "validity");
        assertThat(PAGE)
                .contains(
                        "<h2>2b. The pattern effect and the framework effect</h2>",
                        "href=\"#effects\"",
                        "<h3>Pattern effect, Undertow apps</h3>",
                        "<h3>Pattern effect, Next.js apps</h3>",
                        "<h3>Framework effect, SSR</h3>",
                        "<h3>Framework effect, CSR</h3>",
                        "Pairing by k is legitimate because");
    }

    @Test
    void hostile_text_stays_text_in_every_new_table() throws Exception {
        Document doc = Xhtml.parse(PAGE);

        assertThat(Xhtml.elements(doc, "img")).isEmpty();
        assertThat(Xhtml.attributes(doc, "onerror")).isEmpty();
        assertThat(PAGE).doesNotContain("<img src=x");
        // The flow only the Undertow apps ran: escaped in section 2, 2b ("not measured") and the charts.
        String effects = section("effects");
        assertThat(effects)
                .contains("<td>navigate" + ESCAPED + "</td><td>loopback</td><td colspan=\"8\" class=\"empty\">"
                        + "not measured: next-ssr and next-csr were not both measured in this cell</td>");
        assertThat(section("time-to-content"))
                .contains("<td>navigate" + ESCAPED + "</td><td>loopback</td>")
                .contains("<td class=\"empty\">not measured</td><td class=\"empty\">not measured</td>");
        assertThat(section("validity")).contains("console error: " + ESCAPED);
    }

    @Test
    void the_effects_tables_show_the_computed_ratios_intervals_and_verdicts() {
        Effects effects = MODEL.fourVariants().orElseThrow().effects();
        CellComparison framework =
                effects.framework(Variants.CSR, "revisit-cold", "slow-4g").orElseThrow();
        CellComparison pattern =
                effects.pattern(Variants.NEXTJS, "revisit-cold", "slow-4g").orElseThrow();

        String section = section("effects");
        assertThat(section)
                .contains(
                        TimeToContentSection.row(framework, Set.of()).strip(),
                        TimeToContentSection.row(pattern, Set.of()).strip());
        assertThat(section)
                .contains("<td>7 (+1 incomplete)</td>")
                .contains("<td>" + Format.ratio(framework.ratio()) + " ["
                        + Format.ratio(framework.interval().low()) + ", "
                        + Format.ratio(framework.interval().high()) + "]</td>")
                .contains("Next.js faster by")
                .contains("Undertow faster by")
                .contains("CSR faster by")
                .contains("<th>ratio Next.js/Undertow [95 % CI]</th>")
                .contains(
                        "the pattern effect over its 6 cells of both frameworks, the framework effect over its 4 cells");
    }

    @Test
    void the_claims_table_has_a_column_per_framework_with_each_frameworks_verdict() throws Exception {
        Document doc = Xhtml.parse(PAGE);
        Element table = Xhtml.elements(doc, "table").stream()
                .filter(t -> t.getAttribute("class").equals("claims"))
                .findFirst()
                .orElseThrow();

        assertThat(table.getElementsByTagName("th").item(3).getTextContent()).isEqualTo("rule");
        assertThat(table.getElementsByTagName("th").item(4).getTextContent()).isEqualTo("Undertow apps");
        assertThat(table.getElementsByTagName("th").item(5).getTextContent()).isEqualTo("Next.js apps");
        String claims = section("claims");
        String initialLoad = claims.substring(claims.indexOf("Initial load time"));
        initialLoad = initialLoad.substring(0, initialLoad.indexOf("</tr>"));
        assertThat(initialLoad)
                .contains("<span class=\"verdict v-confirmed\">confirmed</span>")
                .contains("<span class=\"verdict v-refuted\">refuted</span>");
        assertThat(initialLoad.indexOf("v-confirmed")).isLessThan(initialLoad.indexOf("v-refuted"));
        // The rule in words next to the verdicts, once for both frameworks (the same rule, the same pair minimum).
        assertThat(initialLoad)
                .contains("<td class=\"rule\">per profile, SSR significantly faster in time to content of the"
                        + " revisit-cold flow")
                .doesNotContain("<br />rule: ");
        assertThat(claims).contains("was recorded for the bundled Undertow apps only");
    }

    @Test
    void time_to_content_charts_draw_the_four_variants_in_their_own_colours() {
        String section = section("time-to-content");

        assertThat(section)
                .contains("NEXT-SSR (n=7)", "NEXT-CSR (n=8)", "SSR (n=8)", "CSR (n=8)")
                .contains("stroke=\"" + Palette.NEXT_SSR + "\"", "stroke=\"" + Palette.NEXT_CSR + "\"")
                .contains("revisit-cold · slow-4g · Next.js", "revisit-cold · loopback (A/A)");
        assertThat(List.of(
                        Palette.variant(Variants.SSR),
                        Palette.variant(Variants.CSR),
                        Palette.variant(Variants.NEXT_SSR),
                        Palette.variant(Variants.NEXT_CSR)))
                .doesNotHaveDuplicates();
        assertThat(List.of(
                        Palette.dash(Variants.SSR),
                        Palette.dash(Variants.CSR),
                        Palette.dash(Variants.NEXT_SSR),
                        Palette.dash(Variants.NEXT_CSR)))
                .doesNotHaveDuplicates();
    }

    @Test
    void the_server_phase_shows_next_js_entries_when_present() {
        assertThat(section("server-side"))
                .contains("<td>NextPages.dashboard</td><td>next-ssr</td>")
                .contains("<strong>next-ssr</strong>: highest sustained rate 100/s");
    }

    @Test
    void a_two_variant_run_has_neither_section_2b_nor_framework_columns() {
        String page = ReportPage.html(ReportModel.of(Golden.read("full-run"), null, null), FrameSource.none());

        assertThat(page)
                .doesNotContain("id=\"effects\"")
                .doesNotContain("Next.js apps")
                .contains("<th>SSR</th><th>CSR</th><th>verdict</th>");
    }

    private static String section(String id) {
        String from = PAGE.substring(PAGE.indexOf("<section id=\"" + id + "\">"));
        return from.substring(0, from.indexOf("</section>"));
    }
}
