package io.authbench.harness.link;

import com.sun.net.httpserver.HttpServer;
import io.authbench.harness.profile.LinkSpec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test: measures what a link costs on this machine, for the README and the report's method section.
 * Run after {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) io.authbench.harness.link.LinkOverheadMeasurement</pre>
 * Prints the added latency of a transparent link per request (TCP ping and HTTP request, medians), its
 * throughput, the calibrated figures of the bundled profiles' links, and the CPU a page-load-sized transfer costs.
 */
public final class LinkOverheadMeasurement {

    public static void main(String[] args) throws Exception {
        try (CalibrationServer server = CalibrationServer.start();
             LinkProxy link = LinkProxy.start("overhead", server.address(), LinkSpec.TRANSPARENT)) {
            double direct = medianPingMicros(server.address(), 3000);
            double proxied = medianPingMicros(link.address(), 3000);
            print("TCP 1-byte ping, median of 3000: direct %.1f µs, transparent link %.1f µs, added %.1f µs",
                    direct, proxied, proxied - direct);
            double directRate = bulkMbps(server.address(), 256L << 20);
            double proxiedRate = bulkMbps(link.address(), 256L << 20);
            print("bulk download of 256 MiB: direct %.0f Mbit/s, transparent link %.0f Mbit/s", directRate, proxiedRate);
        }
        httpOverhead();
        LinkCalibrator calibrator = new LinkCalibrator(15, Duration.ofMillis(500));
        for (LinkSpec spec : List.of(LinkSpec.of(2, 0, 0), LinkSpec.of(28, 5_000_000, 1_000_000),
                LinkSpec.of(80, 0, 0), LinkSpec.of(150, 1_600_000, 750_000))) {
            print("calibrated %s", calibrator.calibrate(spec.describe(), spec).describe());
        }
        pageLoadCpu();
    }

    private static void httpOverhead() throws Exception {
        // Without it the JDK server's Nagle + the client's delayed ACK add ~40 ms to every response, proxy or not.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = new byte[2048];
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
        try (LinkProxy link = LinkProxy.start("overhead-http", server.getAddress(), LinkSpec.TRANSPARENT)) {
            double direct = medianHttpMicros(server.getAddress().getPort(), 2000);
            double proxied = medianHttpMicros(link.port(), 2000);
            print("HTTP GET (2 KB body, keep-alive), median of 2000: direct %.1f µs, transparent link %.1f µs, added %.1f µs",
                    direct, proxied, proxied - direct);
        } finally {
            server.stop(0);
        }
    }

    /** Six parallel connections each downloading 50 KB through a cable-like link: a page load's worth of bytes. */
    private static void pageLoadCpu() throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (CalibrationServer server = CalibrationServer.start();
             LinkProxy link = LinkProxy.start("overhead-page", server.address(), LinkSpec.of(28, 5_000_000, 1_000_000))) {
            ExecutorService clients = Executors.newFixedThreadPool(6);
            for (int round = 0; round < 3; round++) {
                long cpuBefore = os.getProcessCpuTime();
                long start = System.nanoTime();
                List<Future<?>> downloads = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    downloads.add(clients.submit(() -> {
                        bulkMbps(link.address(), 50_000);
                        return null;
                    }));
                }
                for (Future<?> f : downloads) {
                    f.get();
                }
                long wall = System.nanoTime() - start;
                long cpu = os.getProcessCpuTime() - cpuBefore;
                print("page-load burst (6 × 50 KB over 28 ms / 5 Mbit/s): wall %.0f ms, whole-JVM CPU %.1f ms (proxy + clients + server)",
                        wall / 1e6, cpu / 1e6);
            }
            clients.shutdown();
        }
    }

    private static double medianPingMicros(InetSocketAddress address, int count) throws Exception {
        try (Socket socket = open(address)) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            long[] samples = new long[count];
            for (int i = -200; i < count; i++) { // 200 unrecorded warm-up pings for the JIT
                long start = System.nanoTime();
                out.write(CalibrationServer.PING);
                in.read();
                if (i >= 0) {
                    samples[i] = System.nanoTime() - start;
                }
            }
            Arrays.sort(samples);
            return samples[count / 2] / 1e3;
        }
    }

    private static double bulkMbps(InetSocketAddress address, long bytes) throws Exception {
        try (Socket socket = open(address)) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            long start = System.nanoTime();
            out.writeByte(CalibrationServer.DOWNLOAD);
            out.writeLong(bytes);
            byte[] buffer = new byte[64 * 1024];
            for (long left = bytes; left > 0; ) {
                left -= in.read(buffer, 0, (int) Math.min(buffer.length, left));
            }
            return bytes * 8 / ((System.nanoTime() - start) / 1e9) / 1e6;
        }
    }

    private static double medianHttpMicros(int port, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build();
        long[] samples = new long[count];
        for (int i = -200; i < count; i++) {
            long start = System.nanoTime();
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (i >= 0) {
                samples[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(samples);
        return samples[count / 2] / 1e3;
    }

    private static Socket open(InetSocketAddress address) throws Exception {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(address, 5_000);
        return socket;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
