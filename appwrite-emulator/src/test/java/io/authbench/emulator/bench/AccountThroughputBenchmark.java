package io.authbench.emulator.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput and latency of {@code GET /v1/account} with a valid session over keep-alive connections, against the
 * shaded jar started as its own process (as the harness runs it). A benchmark, not a test: it prints figures.
 *
 * <pre>
 * mvn -q -B -pl appwrite-emulator package -DskipTests
 * java -cp appwrite-emulator/target/test-classes io.authbench.emulator.bench.AccountThroughputBenchmark \
 *     appwrite-emulator/target/appwrite-emulator.jar [connections=8] [seconds=10] [warm-up seconds=10]
 * </pre>
 *
 * Each connection is one thread on one keep-alive HTTP/1.1 socket, sending the next request as soon as the previous
 * answer has been read (closed loop). The client is a few lines over a plain socket rather than
 * {@code java.net.http.HttpClient}, whose per-request CPU cost is several times the emulator's and would make a
 * 2-core machine measure the client. Latency is measured per request in the client.
 */
public final class AccountThroughputBenchmark {
    private static final String KEY = "standard_" + "be".repeat(32);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "appwrite-emulator/target/appwrite-emulator.jar");
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path keyFile = Files.createTempFile("emulator-key", ".txt");
        Files.writeString(keyFile, KEY + "\n");
        Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--api-key-file", keyFile.toString(), "--password-hash", "fast")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String base = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().substring("LISTENING ".length());
            HttpClient setup = HttpClient.newHttpClient();
            send(setup, base + "/users", "POST", "{\"userId\":\"unique()\",\"email\":\"bench@example.com\","
                    + "\"password\":\"password123\",\"name\":\"Bench\"}", null);
            String login = send(setup, base + "/account/sessions/email", "POST",
                    "{\"email\":\"bench@example.com\",\"password\":\"password123\"}", null);
            Matcher secret = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(login);
            if (!secret.find()) {
                throw new IllegalStateException("login failed: " + login);
            }
            String session = secret.group(1);
            System.out.printf("emulator %s, %d connections, warm-up %d s, measure %d s%n", base, connections,
                    warmupSeconds, seconds);
            run(base, session, connections, warmupSeconds, false);
            long cpuBefore = cpuNanos(emulator);
            int requests = run(base, session, connections, seconds, true);
            long cpuAfter = cpuNanos(emulator);
            // CPU per request is what the figure on a quiet machine follows from: 2 cores / CPU per request.
            System.out.printf("emulator CPU per request %.1f us (process CPU time over the measured phase)%n",
                    (cpuAfter - cpuBefore) / 1e3 / requests);
            String stats = send(setup, base.replace("/v1", "/_emulator/stats"), "GET", null, null);
            Matcher account = Pattern.compile("\"GET /v1/account\":\\{\"count\":(\\d+),\"serverTimeNanos\":(\\d+)")
                    .matcher(stats);
            if (account.find()) {
                System.out.printf("emulator mean server time per GET /v1/account %.1f us (from /_emulator/stats)%n",
                        Long.parseLong(account.group(2)) / 1e3 / Long.parseLong(account.group(1)));
            }
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(keyFile);
        }
    }

    private static long cpuNanos(Process process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static int run(String base, String session, int connections, int seconds, boolean report)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[connections];
        int[] failures = new int[connections];
        List<Thread> threads = new ArrayList<>();
        URI uri = URI.create(base + "/account");
        byte[] request = ("GET " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nX-Appwrite-Project: authbench\r\nX-Appwrite-Session: " + session + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int c = 0; c < connections; c++) {
            long[] own = new long[4_000_000];
            latencies.add(own);
            int index = c;
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
                    while (System.nanoTime() < end && counts[index] < own.length) {
                        long start = System.nanoTime();
                        out.write(request);
                        out.flush();
                        if (readResponse(in) != 200) {
                            failures[index]++;
                        }
                        own[counts[index]++] = System.nanoTime() - start;
                    }
                } catch (IOException e) {
                    failures[index]++;
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!report) {
            return 0;
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("requests %d, failures %d, throughput %.0f req/s%n", total, Arrays.stream(failures).sum(),
                total / (double) seconds);
        System.out.printf("latency ms: p50 %.3f, p90 %.3f, p99 %.3f, max %.3f%n", pct(all, 0.50), pct(all, 0.90),
                pct(all, 0.99), all[all.length - 1] / 1e6);
        return total;
    }

    /** Reads one HTTP/1.1 response with a Content-Length body; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder(1024);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            head.append((char) b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
        }
        String headers = head.toString();
        int status = Integer.parseInt(headers.substring(9, 12));
        Matcher length = CONTENT_LENGTH.matcher(headers);
        int bytes = length.find() ? Integer.parseInt(length.group(1)) : 0;
        in.readNBytes(bytes);
        return status;
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    private static String send(HttpClient client, String url, String method, String json, String session)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("X-Appwrite-Project", "authbench").header("X-Appwrite-Key", KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
