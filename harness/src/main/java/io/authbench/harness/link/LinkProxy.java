package io.authbench.harness.link;

import io.authbench.harness.profile.LinkSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An emulated network link: a TCP proxy on loopback that delays every byte by the link's one-way delay in each
 * direction, meters each direction's bandwidth (shared by all its connections, like an access line), and charges
 * each new connection the RTT of a TCP handshake (docs/architecture.md#links). Connections, preflights, redirects and
 * keep-alive all pay the link's cost because it acts on TCP, below HTTP, which CDP network emulation cannot do
 * (docs/measurement-model.md#cdp-network-emulation-is-not-a-network).
 *
 * <p>Use: start one per link and profile, point the party that should suffer the link at {@code localhost:port()},
 * and close it (try-with-resources) when the profile is done.
 *
 * <pre>{@code
 * try (LinkProxy link = LinkProxy.start("browser-app", appAddress, profile.browserApp())) {
 *     page.navigate("http://localhost:" + link.port() + "/login");
 * }
 * }</pre>
 *
 * <p><b>Threads, and why not NIO.</b> Each connection gets a blocking reader per direction, plus a writer per
 * direction that sleeps until each chunk's delivery time (a direction with no delay and no limit copies straight
 * through on its reader, with no writer). A page load opens tens of connections, not thousands, so a few parked
 * threads per connection cost memory, not CPU; in exchange the code reads top to bottom, the kernel provides
 * backpressure, and half-close and reset map one-to-one onto socket calls. Threads come from a cached pool per
 * proxy, so keep-alive churn reuses them, and {@link #close()} joins them all.
 *
 * <p>Thread-safe. Nothing is logged; {@link #stats()} tells what crossed the link.
 */
public final class LinkProxy implements AutoCloseable {

    /** How long the proxy waits to reach the target before resetting the client's connection. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** How long {@link #close()} waits for the proxy's threads to finish. */
    static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final String name;
    private final InetSocketAddress target;
    private final LinkSpec spec;
    private final Shaping shaping = new Shaping();
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<LinkConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong failedConnects = new AtomicLong();
    private final LongAdder bytesUp = new LongAdder();
    private final LongAdder bytesDown = new LongAdder();
    private final Bandwidth upBandwidth;
    private final Bandwidth downBandwidth;
    private final List<Thread> startedThreads = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LinkProxy(String name, InetSocketAddress target, LinkSpec spec, ServerSocket listener) {
        this.name = name;
        this.target = target;
        this.spec = spec;
        this.listener = listener;
        this.upBandwidth = new Bandwidth(spec.upBitsPerSecond());
        this.downBandwidth = new Bandwidth(spec.downBitsPerSecond());
        this.threads = Executors.newCachedThreadPool(namedDaemonThreads(threadNamePrefix(name), startedThreads));
    }

    /** Starts a link listening on the loopback address, port chosen by the system. */
    public static LinkProxy start(String name, InetSocketAddress target, LinkSpec spec) {
        return start(name, target, spec, InetAddress.getLoopbackAddress());
    }

    /**
     * Starts a link.
     *
     * @param name        names the link in thread names and messages, e.g. {@code browser-appwrite}
     * @param target      where connections are forwarded to (resolved)
     * @param spec        the link's RTT and bandwidths
     * @param bindAddress the address to listen on; {@code null} means loopback. Only pass another address when the
     *                    user configured it: the proxy accepts anyone who can reach it
     * @throws UncheckedIOException if the address cannot be listened on; the message says which and why
     */
    public static LinkProxy start(String name, InetSocketAddress target, LinkSpec spec, InetAddress bindAddress) {
        return start(name, target, spec, bindAddress, 0);
    }

    /**
     * As {@link #start(String, InetSocketAddress, LinkSpec, InetAddress)} on a fixed {@code port} (0 = chosen by the
     * system): a target that pins its browser-facing ports, because its pages have the address built in.
     */
    public static LinkProxy start(
            String name, InetSocketAddress target, LinkSpec spec, InetAddress bindAddress, int port) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(spec, "spec");
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("link " + name + ": target host '" + target.getHostString()
                    + "' cannot be resolved; give a reachable host name or address");
        }
        InetAddress bind = bindAddress == null ? InetAddress.getLoopbackAddress() : bindAddress;
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            // A pinned port is listened on again by the next profile's link right after this one closed.
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(bind, port), 128);
        } catch (IOException e) {
            if (port != 0) {
                throw new UncheckedIOException(
                        "link " + name + ": cannot listen on " + bind.getHostAddress() + ":" + port
                                + " (" + e.getMessage()
                                + "); the port is pinned by a target file's \"ports\": stop what uses it,"
                                + " or pin another port (and rebuild the app against it if it has the address built in)",
                        e);
            }
            throw new UncheckedIOException(
                    "link " + name + ": cannot listen on " + bind.getHostAddress() + " (" + e.getMessage()
                            + "); use a loopback address or one configured on this machine",
                    e);
        }
        LinkProxy proxy = new LinkProxy(name, target, spec, listener);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** The link's name as given to {@link #start}. */
    public String name() {
        return name;
    }

    /** The link's RTT and bandwidths. */
    public LinkSpec spec() {
        return spec;
    }

    /**
     * Turns the profile on (the default) or off: off, bytes pass at loopback speed, for an iteration's unmeasured
     * set-up; on again before the measured phase. Takes effect for every chunk read afterwards, on open connections
     * too, and never reorders bytes. Connections opened while off skip the handshake delay.
     */
    public void setShaping(boolean on) {
        shaping.set(on);
    }

    /** Whether the profile is applied right now ({@link #setShaping}). */
    public boolean shaping() {
        return shaping.on();
    }

    /** Where the link forwards to. */
    public InetSocketAddress target() {
        return target;
    }

    /** The port the link listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The address and port the link listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** What has crossed the link so far. */
    public LinkStats stats() {
        return new LinkStats(accepted.get(), open.get(), bytesDown.sum(), bytesUp.sum(), failedConnects.get());
    }

    /**
     * Stops listening, closes every connection and waits for the link's threads to finish. Idempotent.
     *
     * @throws IllegalStateException if threads are still running after {@value #CLOSE_TIMEOUT_MILLIS} ms (a bug)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener can only fail if it is already closed.
        }
        connections.forEach(LinkConnection::close);
        threads.shutdownNow();
        // Join the threads themselves: the pool reports termination while its workers are still exiting.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_TIMEOUT_MILLIS);
        try {
            for (Thread thread : startedThreads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long alive = startedThreads.stream().filter(Thread::isAlive).count();
        if (alive > 0) {
            throw new IllegalStateException("link " + name + ": " + alive + " threads still running "
                    + CLOSE_TIMEOUT_MILLIS + " ms after close");
        }
    }

    @Override
    public String toString() {
        return "link " + name + " (" + spec.describe() + ") :" + (closed ? "closed" : port()) + " -> " + target;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // the listener was closed
            }
            long acceptedAt = System.nanoTime();
            accepted.incrementAndGet();
            try {
                threads.execute(() -> connect(client, acceptedAt));
            } catch (RejectedExecutionException e) {
                closeQuietly(client); // close() raced with this accept
            }
        }
    }

    /** Runs off the accept thread so a slow target cannot hold up other clients. */
    private void connect(Socket client, long acceptedAt) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true); // Nagle's algorithm would add its own delays on top of the link's
            upstream.setTcpNoDelay(true);
            upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            failedConnects.incrementAndGet();
            closeQuietly(upstream);
            resetQuietly(client); // as a real client would see: connection refused/reset
            return;
        }
        open.incrementAndGet();
        LinkConnection connection = new LinkConnection(
                client,
                upstream,
                spec,
                upBandwidth,
                downBandwidth,
                shaping,
                acceptedAt,
                bytesUp,
                bytesDown,
                closedConnection -> {
                    connections.remove(closedConnection);
                    open.decrementAndGet();
                });
        connections.add(connection);
        if (closed) {
            connection.close(); // close() may have iterated the connections before this one was added
        }
        try {
            connection.start(threads);
        } catch (RejectedExecutionException e) {
            connection.close();
        }
    }

    private static void resetQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    static String threadNamePrefix(String linkName) {
        return "link-" + linkName + "-";
    }

    private static ThreadFactory namedDaemonThreads(String prefix, List<Thread> started) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            // Daemon: a forgotten proxy must never keep the harness JVM alive after its results are written.
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            started.removeIf(t -> t.getState() == Thread.State.TERMINATED); // idle pool threads expire after 60 s
            started.add(thread);
            return thread;
        };
    }
}
