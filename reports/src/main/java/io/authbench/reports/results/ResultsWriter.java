package io.authbench.reports.results;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes {@code results.json} incrementally while a run is in progress.
 *
 * <p>Every change rewrites the whole file atomically (temporary file + rename, see
 * {@link ResultsJson#writeAtomically}), so a crash or Ctrl-C at any moment leaves a complete, readable file with
 * everything written so far and {@code run.status} telling how far it got. Cell summaries are recomputed from
 * the samples on every write, so the harness only appends samples.
 *
 * <p>Rewriting the whole file costs time that grows with it: at the size of a default run (about 1,000 samples,
 * 2.9 MB) about 0.1 s per write on the project's 2-core machine, two minutes of an 18-minute run if written after
 * every sample. {@link #writeSamplesAtMostEvery} lets samples wait in memory until that much time has passed since
 * the last write (never on a thread of its own: only inside the calls here, between the caller's measurements);
 * every other change, {@link #flush}, {@link #finish} and {@link #close} write them at once. Ctrl-C or an error
 * therefore still leaves every sample in the file; only a hard kill loses those of the last interval.
 *
 * <p>Thread-safe (methods are synchronized): a shutdown hook may call {@link #finish} while the run thread is
 * adding a sample. Typical use:
 * <pre>{@code
 * try (ResultsWriter out = ResultsWriter.create(runDir.resolve("results.json"), RunResults.start(run, env, profiles))) {
 *     out.setLinks(calibrations);
 *     for (...) out.addSample(sample);
 *     out.finish(RunStatus.COMPLETE, null);
 * }   // closing without finish() records the run as interrupted
 * }</pre>
 */
public final class ResultsWriter implements AutoCloseable {
    private final Path file;
    private final Clock clock;
    private final Map<CellSummaries.Key, String> histogramFiles = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private RunResults current;
    private long sampleWriteIntervalNanos;
    private long lastWriteNanos;
    /** Samples were added since the last write (the file and {@code current.cells} lag behind). */
    private boolean unwritten;

    private ResultsWriter(Path file, RunResults initial, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.current = initial;
        this.samples.addAll(initial.samples());
    }

    /** Starts a results file (overwriting any old one) and writes it at once. */
    public static ResultsWriter create(Path file, RunResults initial) {
        return create(file, initial, Clock.systemUTC());
    }

    /** As {@link #create(Path, RunResults)}, with the clock used for {@code run.finishedAt}. */
    public static ResultsWriter create(Path file, RunResults initial, Clock clock) {
        if (initial.run().status() != RunStatus.RUNNING) {
            throw new IllegalArgumentException("a new results file starts with run.status running, got "
                    + initial.run().status().code());
        }
        ResultsWriter writer = new ResultsWriter(file, initial, clock);
        writer.write();
        return writer;
    }

    /** The file being written. */
    public Path file() {
        return file;
    }

    /** A snapshot of everything added so far (with its cell summaries), written to the file or not yet. */
    public synchronized RunResults current() {
        if (unwritten) {
            current = current.withCells(CellSummaries.of(samples, histogramFiles));
        }
        return current;
    }

    /**
     * From now on a sample added less than {@code interval} after the last write waits in memory for the next write
     * (see the class comment); {@link Duration#ZERO}, the default, writes after every sample.
     */
    public synchronized void writeSamplesAtMostEvery(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a write interval cannot be negative: " + interval);
        }
        sampleWriteIntervalNanos = interval.toNanos();
    }

    public synchronized void addSample(Sample sample) {
        requireRunning();
        samples.add(sample);
        current = current.withSamples(samples);
        writeSamplesWhenDue();
    }

    /** Appends several samples with one write (e.g. the two samples of a pair). */
    public synchronized void addSamples(Collection<Sample> more) {
        requireRunning();
        samples.addAll(more);
        current = current.withSamples(samples);
        writeSamplesWhenDue();
    }

    /** Writes the samples still waiting in memory, if any. */
    public synchronized void flush() {
        if (unwritten && current.run().status() == RunStatus.RUNNING) {
            write();
        }
    }

    public synchronized void setLinks(List<CalibratedLink> links) {
        change(r -> r.withLinks(links));
    }

    public synchronized void addIncident(Incident incident) {
        List<Incident> incidents = new ArrayList<>(current.incidents());
        incidents.add(incident);
        change(r -> r.withIncidents(incidents));
    }

    /** Records the HdrHistogram log of one cell variant (path relative to the run folder). */
    public synchronized void setHistogramFile(String flow, String profile, String variant, String relativeFile) {
        histogramFiles.put(new CellSummaries.Key(flow, profile, variant), relativeFile);
        change(UnaryOperator.identity());
    }

    public synchronized void setCodeSize(List<CodeSize> codeSize) {
        change(r -> r.withCodeSize(codeSize));
    }

    public synchronized void setJmh(List<JmhResult> jmh) {
        change(r -> r.withJmh(jmh));
    }

    public synchronized void setLoad(List<LoadStep> load) {
        change(r -> r.withLoad(load));
    }

    /**
     * Replaces already written samples, e.g. to add the server CPU per page view once a batch is over.
     * {@code update} receives each sample and returns it, changed or not.
     */
    public synchronized void updateSamples(UnaryOperator<Sample> update) {
        requireRunning();
        samples.replaceAll(update);
        current = current.withSamples(samples);
        write();
    }

    /**
     * Ends the run with a final status ({@code complete}, {@code interrupted} or {@code failed}) and writes it.
     * Calling it again after the run has ended does nothing, so an error path and a shutdown hook may both call it.
     *
     * @param reason why the run ended early; null for {@code complete}
     */
    public synchronized void finish(RunStatus status, String reason) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("finish() needs a final status: complete, interrupted or failed");
        }
        if (current.run().status() != RunStatus.RUNNING) {
            return;
        }
        current = current.withRun(current.run().withStatus(status, reason, clock.instant()));
        write();
    }

    /** Records the run as interrupted unless {@link #finish} was called. */
    @Override
    public synchronized void close() {
        finish(RunStatus.INTERRUPTED, "the harness stopped before the run finished");
    }

    private void change(UnaryOperator<RunResults> update) {
        requireRunning();
        current = update.apply(current);
        write();
    }

    private void requireRunning() {
        if (current.run().status() != RunStatus.RUNNING) {
            throw new IllegalStateException("the run already ended ("
                    + current.run().status().code() + "); nothing more can be written to " + file);
        }
    }

    private void writeSamplesWhenDue() {
        if (System.nanoTime() - lastWriteNanos >= sampleWriteIntervalNanos) {
            write();
        } else {
            unwritten = true;
        }
    }

    private void write() {
        current = current.withCells(CellSummaries.of(samples, histogramFiles));
        ResultsJson.writeAtomically(current, file);
        lastWriteNanos = System.nanoTime();
        unwritten = false;
    }
}
