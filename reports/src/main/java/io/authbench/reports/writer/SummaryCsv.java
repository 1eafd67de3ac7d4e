package io.authbench.reports.writer;

import io.authbench.reports.results.CellSummary;
import io.authbench.reports.results.Variants;
import io.authbench.reports.stats.CellComparison;
import io.authbench.reports.stats.Comparisons;
import io.authbench.reports.stats.ReportModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code summary.csv}: one row per cell (flow × profile) and variant, with the cell's paired statistics repeated
 * on both variant rows. RFC 4180 quoting; numbers with a dot; empty field = not available.
 */
public final class SummaryCsv {
    static final String HEADER = "flow,profile,variant,samples,ok,failures,median_ms,p90_ms,min_ms,max_ms,mean_ms,"
            + "pairs,ratio,ratio_ci_low,ratio_ci_high,p_value,p_method,p_holm,verdict";
    /**
     * Added for a four-variant run: the framework effect (Next.js/Undertow) of the row's pattern in its cell,
     * repeated on the Undertow and the Next.js row. The columns before them then hold the pattern effect of the
     * row's own framework.
     */
    static final String FRAMEWORK_HEADER = ",framework_pairs,framework_ratio,framework_ratio_ci_low,"
            + "framework_ratio_ci_high,framework_p_holm,framework_verdict";

    private SummaryCsv() {}

    public static String csv(ReportModel model) {
        boolean four = model.fourVariants().isPresent();
        StringBuilder out =
                new StringBuilder(HEADER).append(four ? FRAMEWORK_HEADER : "").append("\r\n");
        for (CellSummary cell : model.cells()) {
            Optional<CellComparison> c = comparison(model, cell);
            List<String> fields = new ArrayList<>(List.of(
                    cell.flow(),
                    cell.profile(),
                    cell.variant(),
                    Integer.toString(cell.samples()),
                    Integer.toString(cell.okSamples()),
                    Integer.toString(cell.failures()),
                    num(cell.medianMs()),
                    num(cell.p90Ms()),
                    num(cell.minMs()),
                    num(cell.maxMs()),
                    num(cell.meanMs())));
            if (c.isPresent()) {
                CellComparison cc = c.get();
                fields.addAll(List.of(
                        Integer.toString(cc.pairs()),
                        num(cc.ratio()),
                        cc.interval() == null ? "" : num(cc.interval().low()),
                        cc.interval() == null ? "" : num(cc.interval().high()),
                        cc.pairs() == 0 ? "" : num(cc.pValue()),
                        cc.pairs() == 0
                                ? ""
                                : cc.pValue() > cc.test().pValue()
                                        ? "block bootstrap"
                                        : cc.test().method().label(),
                        num(cc.holmP()),
                        cc.verdict().sentence()));
            } else {
                fields.addAll(List.of("", "", "", "", "", "", "", "no paired comparison"));
            }
            if (four) {
                fields.addAll(frameworkFields(model, cell));
            }
            out.append(String.join(",", fields.stream().map(SummaryCsv::field).toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static Optional<CellComparison> comparison(ReportModel model, CellSummary cell) {
        boolean aa = cell.variant().equals("ssr-a") || cell.variant().equals("ssr-b");
        if (!aa && model.fourVariants().isPresent()) {
            return model.fourVariants()
                    .get()
                    .effects()
                    .pattern(Variants.framework(cell.variant()), cell.flow(), cell.profile());
        }
        return Comparisons.find(
                aa ? model.comparisons().aa() : model.comparisons().ssrCsr(), cell.flow(), cell.profile());
    }

    private static List<String> frameworkFields(ReportModel model, CellSummary cell) {
        Optional<CellComparison> c = Variants.isAa(cell.variant())
                ? Optional.empty()
                : model.fourVariants()
                        .get()
                        .effects()
                        .framework(Variants.pattern(cell.variant()), cell.flow(), cell.profile());
        if (c.isEmpty()) {
            return List.of("", "", "", "", "", Variants.isAa(cell.variant()) ? "" : "not measured");
        }
        CellComparison cc = c.get();
        return List.of(
                Integer.toString(cc.pairs()),
                num(cc.ratio()),
                cc.interval() == null ? "" : num(cc.interval().low()),
                cc.interval() == null ? "" : num(cc.interval().high()),
                num(cc.holmP()),
                cc.verdict().sentence());
    }

    /** Six significant digits, no trailing zeros, never scientific notation. */
    static String num(Double value) {
        if (value == null) {
            return "";
        }
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Quotes when needed; a leading = + - @ is prefixed with ' so spreadsheets never run it as a formula. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.eE+-]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
