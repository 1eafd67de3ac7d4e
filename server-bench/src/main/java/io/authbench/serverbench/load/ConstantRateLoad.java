package io.authbench.serverbench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model, constant-arrival-rate load generator.
 *
 * <p>Page view {@code i} is <em>due</em> at {@code start + i / rate}, whatever happened to earlier ones: the schedule
 * never waits for the server (open model). A pool of {@link LoadSettings#concurrency()} client threads takes the
 * due page views in order; when every client is busy (a slow or stalled server), the next page view starts late,
 * and its latency is measured from its <em>intended</em> start, not from when it was sent. That is the
 * coordinated-omission correction (Gil Tene; wrk2's approach): the time a user would have waited behind the stall
 * is recorded instead of silently dropped. No other correction is applied (HdrHistogram's
 * {@code recordValueWithExpectedInterval} would double-count).
 *
 * <p>Bounded: at most {@link LoadSettings#plannedRequests()} page views, nothing is sent after
 * {@link LoadSettings#hardLimit()}, every request has {@link LoadSettings#requestTimeout()}, and the client threads
 * are joined (then interrupted) before {@link #run} returns.
 */
public final class ConstantRateLoad {
    private static final int SIGNIFICANT_DIGITS = 3;

    private ConstantRateLoad() {}

    /** Runs one constant-rate step of {@code view} and returns what it measured. */
    public static LoadOutcome run(PageView view, LoadSettings settings, HttpClient client) {
        return new Run(view, settings, client).execute();
    }

    /** A client for page views: HTTP/1.1 (as a browser to these servers), keep-alive, bounded connect time. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static final class Run {
        private final PageView view;
        private final LoadSettings settings;
        private final HttpClient client;
        private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
        private final AtomicLong next = new AtomicLong();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong notSent = new AtomicLong();
        private final AtomicLong lastCompletion = new AtomicLong();
        private final AtomicLongArray errors = new AtomicLongArray(ErrorKind.values().length);
        private final Map<ErrorKind, String> firstErrors = new ConcurrentHashMap<>();
        private final AtomicBoolean hardLimitHit = new AtomicBoolean();
        private final long planned;
        private final double intervalNanos;
        private long start;
        private long hardDeadline;

        Run(PageView view, LoadSettings settings, HttpClient client) {
            this.view = view;
            this.settings = settings;
            this.client = client;
            this.planned = settings.plannedRequests();
            this.intervalNanos = 1e9 / settings.ratePerSecond();
        }

        LoadOutcome execute() {
            // Start slightly in the future so every client thread exists before the first page view is due.
            start = System.nanoTime() + Duration.ofMillis(20).toNanos();
            hardDeadline = start + settings.hardLimit().toNanos();
            lastCompletion.set(start);
            List<Thread> clients = new ArrayList<>();
            int threads = (int) Math.min(settings.concurrency(), planned);
            for (int c = 0; c < threads; c++) {
                Thread thread = new Thread(this::clientLoop, "load-client-" + c);
                thread.setDaemon(true);
                thread.start();
                clients.add(thread);
            }
            joinAll(clients);
            notSent.set(planned - sent.get());
            Histogram latencies = recorder.getIntervalHistogram();
            Map<ErrorKind, Long> errorCounts = new EnumMap<>(ErrorKind.class);
            for (ErrorKind kind : ErrorKind.values()) {
                long count = errors.get(kind.ordinal());
                if (count > 0) {
                    errorCounts.put(kind, count);
                }
            }
            return new LoadOutcome(
                    settings,
                    latencies,
                    planned,
                    sent.get(),
                    succeeded.get(),
                    errorCounts,
                    notSent.get(),
                    Duration.ofNanos(Math.max(0, lastCompletion.get() - start)),
                    hardLimitHit.get(),
                    firstErrors);
        }

        private void clientLoop() {
            while (true) {
                long i = next.getAndIncrement();
                if (i >= planned) {
                    return;
                }
                long intended = start + (long) (i * intervalNanos);
                if (intended > hardDeadline || System.nanoTime() > hardDeadline) {
                    hardLimitHit.set(true);
                    return; // what was due but never sent is counted at the end
                }
                if (!sleepUntil(intended)) {
                    return;
                }
                sent.incrementAndGet();
                try {
                    view.perform(client, i, settings.requestTimeout());
                    long done = System.nanoTime();
                    recorder.recordValue(Math.max(0, done - intended));
                    succeeded.incrementAndGet();
                    lastCompletion.accumulateAndGet(done, Math::max);
                } catch (PageViewFailure failure) {
                    errors.incrementAndGet(failure.kind().ordinal());
                    firstErrors.putIfAbsent(failure.kind(), failure.getMessage());
                    lastCompletion.accumulateAndGet(System.nanoTime(), Math::max);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    errors.incrementAndGet(ErrorKind.OTHER.ordinal());
                    firstErrors.putIfAbsent(ErrorKind.OTHER, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }

        /** Parks until {@code deadline}; false if interrupted. */
        private static boolean sleepUntil(long deadline) {
            long wait;
            while ((wait = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
            }
            return true;
        }

        private void joinAll(List<Thread> clients) {
            // In-flight requests end within their timeout; allow that (plus slack) past the hard limit.
            long joinDeadline = hardDeadline
                    + settings.requestTimeout().toNanos() * 2
                    + Duration.ofSeconds(2).toNanos();
            for (Thread thread : clients) {
                long left = joinDeadline - System.nanoTime();
                try {
                    if (left > 0) {
                        thread.join(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Thread thread : clients) {
                if (thread.isAlive()) {
                    hardLimitHit.set(true);
                    thread.interrupt();
                }
            }
        }
    }
}
