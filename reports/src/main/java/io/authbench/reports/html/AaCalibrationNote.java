package io.authbench.reports.html;

import io.authbench.reports.calibration.AaCalibration;
import io.authbench.reports.calibration.AaCalibrationFile;
import io.authbench.reports.calibration.AaCalibrations;
import io.authbench.reports.stats.ReportModel;
import java.util.Locale;

/**
 * Next to the A/A cell: the measured false-positive rate of its interval on this machine, from an A/A calibration
 * file ({@code scripts/aa-runs.sh}), or a sentence saying it is not measured. Every value from the file is escaped:
 * the file is input like results.json.
 */
final class AaCalibrationNote {
    private AaCalibrationNote() {}

    static String html(AaCalibrationFile.Loaded loaded, ReportModel model) {
        if (loaded.problem() != null) {
            return "<p class=\"empty\">The A/A calibration file could not be used, so the false-positive rate of the"
                    + " A/A interval is not known: " + Html.escape(loaded.problem()) + "</p>\n";
        }
        AaCalibration c = loaded.calibration();
        if (c == null) {
            return "<p class=\"empty\">The false-positive rate of the A/A interval on this machine is not measured: no"
                    + " A/A calibration file was given (<code>--aa-calibration FILE</code>) or found next to the run"
                    + " folder (<code>" + AaCalibrationFile.DEFAULT_NAME + "</code>). <code>scripts/aa-runs.sh N</code>"
                    + " measures it.</p>\n";
        }
        if (c.runs() == 0) {
            return "<p class=\"empty\">The A/A calibration file " + source(loaded) + " holds no usable run ("
                    + c.notUsable() + " not usable), so the false-positive rate is not measured.</p>\n";
        }
        String thisRun =
                model.results().run().config().aaFlow() == null ? null : AaCalibrations.settings(model.results());
        String differs = thisRun == null || thisRun.equals(c.settings())
                ? ""
                : " This run's A/A cell (" + Html.escape(thisRun) + ") was not measured like the calibration runs, so"
                        + " its false-positive rate may differ.";
        return """
                <p class="aa-calibration"><b>Measured false-positive rate of the A/A interval:</b> in <b>%d of %d</b> \
                A/A runs (%s %%, exact 95 %% interval %s–%s %%) the interval excluded 1 although both sides ran the \
                same app; a 95 %% interval should do so in about 5 %% of runs.%s%s</p>
                <p class="note">Calibration: %s; runs %s; commit %s; machine %s; command <code>%s</code>; \
                file %s.</p>
                """.formatted(
                c.falsePositives(),
                c.runs(),
                pct(c.rate()),
                pct(c.rateLow()),
                pct(c.rateHigh()),
                c.notUsable() == 0 ? "" : " Not usable and not counted: " + c.notUsable() + " more (see the file).",
                differs,
                Html.escape(c.date()),
                Html.escape(c.settings()),
                Html.escape(c.commit()),
                Html.escape(c.machine()),
                Html.escape(c.command()),
                source(loaded));
    }

    private static String source(AaCalibrationFile.Loaded loaded) {
        return "<code>" + Html.escape(loaded.file()) + "</code>";
    }

    private static String pct(Double fraction) {
        return fraction == null ? "?" : String.format(Locale.ROOT, "%.1f", fraction * 100);
    }
}
