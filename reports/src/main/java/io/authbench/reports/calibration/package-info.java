/**
 * The measured false-positive rate of the A/A cell: how often, over many repeated A/A runs on one machine, the A/A
 * cell's 95 % interval excluded 1 although both sides ran the same app. {@link AaCalibrations} summarises a set of
 * run folders into an {@link AaCalibration} ({@code scripts/aa-runs.sh} makes the runs and calls it through
 * {@code authbench aa-calibration}); {@link AaCalibrationFile} reads and writes it as JSON, and finds the file a
 * report uses when none is named. The report shows it next to the A/A cell.
 */
package io.authbench.reports.calibration;
