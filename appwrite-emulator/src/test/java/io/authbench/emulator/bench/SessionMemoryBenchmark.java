package io.authbench.emulator.bench;

import io.authbench.emulator.EmulatorServer;
import io.authbench.emulator.auth.ApiKey;
import io.authbench.emulator.config.EmulatorConfig;
import io.authbench.emulator.crypto.PasswordHashing;
import io.authbench.emulator.crypto.Secrets;
import io.authbench.emulator.model.ClientInfo;
import io.authbench.emulator.model.Ids;
import io.authbench.emulator.model.Session;
import io.authbench.emulator.model.User;
import io.authbench.emulator.store.DuplicateUserException;
import io.authbench.emulator.store.InMemoryAuthStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Memory over many short-lived sessions: logs in {@code sessions} times over HTTP (spread over 10,000 users so the
 * 10-per-user cap never prunes) with a 2 s session lifetime, and prints the heap used after a full GC every 10,000
 * sessions. A flat series means expired sessions are really purged.
 *
 * <pre>
 * mvn -q -B -pl appwrite-emulator test-compile
 * java -Xmx256m -cp "appwrite-emulator/target/test-classes:appwrite-emulator/target/classes:$(cat cp.txt)" \
 *     io.authbench.emulator.bench.SessionMemoryBenchmark [sessions=100000] [control-only]
 * </pre>
 * ({@code cp.txt} from {@code mvn -q -pl appwrite-emulator dependency:build-classpath -Dmdep.outputFile=cp.txt}.)
 */
public final class SessionMemoryBenchmark {
    private static final String KEY = "standard_" + "me".repeat(32);
    private static final int USERS = 10_000;
    private static final int CLIENT_THREADS = 4;

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        if (args.length > 1 && args[1].equals("control-only")) {
            control(sessions, ManagementFactory.getMemoryMXBean());
            return;
        }
        EmulatorConfig config = EmulatorConfig.defaults(new ApiKey(KEY, Set.of("users.write", "sessions.write"), null))
                .withPasswordHashing(PasswordHashing.FAST)
                .withRateLimits(false)
                .withSessionDuration(Duration.ofSeconds(2));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (EmulatorServer server = new EmulatorServer(config).start()) {
            String base = server.baseUrl();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int u = 0; u < USERS; u++) {
                post(client, base + "/users", "{\"userId\":\"unique()\",\"email\":\"m" + u + "@example.com\","
                        + "\"password\":\"password123\"}");
            }
            System.out.printf("%d users created; heap after GC %.1f MiB%n", USERS, heapAfterGc(memory));
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            int step = 10_000;
            for (int done = 0; done < sessions; done += step) {
                int limit = Math.min(sessions, done + step);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < CLIENT_THREADS; t++) {
                    Thread thread = new Thread(() -> {
                        HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                        int i;
                        while ((i = next.getAndIncrement()) < limit) {
                            post(own, base + "/account/sessions/email",
                                    "{\"email\":\"m" + (i % USERS) + "@example.com\",\"password\":\"password123\"}");
                        }
                    });
                    threads.add(thread);
                    thread.start();
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                next.set(limit);
                System.out.printf("%6d sessions created in %5.1f s; live sessions %6d; heap after GC %.1f MiB%n",
                        limit, (System.nanoTime() - start) / 1e9, server.project().store().sessionCount(),
                        heapAfterGc(memory));
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(5)); // every session has expired; let the purge thread run
            System.out.printf("after expiry: live sessions %d; heap after GC %.1f MiB%n",
                    server.project().store().sessionCount(), heapAfterGc(memory));
            control(sessions, memory);
        }
    }

    /**
     * The same number of sessions kept alive (straight into a store, no HTTP): what the heap would show if expired
     * sessions were not purged, so a flat series above means something.
     */
    private static void control(int sessions, MemoryMXBean memory) throws InterruptedException {
        double before = heapAfterGc(memory);
        InMemoryAuthStore store = new InMemoryAuthStore();
        Instant now = Instant.now();
        for (int u = 0; u < USERS; u++) {
            try {
                store.createUser(new User("u" + u, now, now, "", null, null, true, "c" + u + "@example.com", "",
                        List.of(), null));
            } catch (DuplicateUserException e) {
                throw new IllegalStateException(e);
            }
        }
        for (int i = 0; i < sessions; i++) {
            store.addSession(new Session(Ids.unique(), now, "u" + (i % USERS), now.plusSeconds(3600), Session.PROVIDER_EMAIL,
                    "c" + (i % USERS) + "@example.com", Secrets.sha256Hex(Secrets.newSessionSecret()), "127.0.0.1",
                    ClientInfo.UNKNOWN), Integer.MAX_VALUE);
        }
        double after = heapAfterGc(memory);
        System.out.printf("control: %d unexpired sessions held in a store: heap after GC %.1f MiB (+%.1f MiB)%n",
                store.sessionCount(), after, after - before);
        java.lang.ref.Reference.reachabilityFence(store); // the store must survive the GC above
    }

    private static double heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static void post(HttpClient client, String url, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("X-Appwrite-Project", "authbench").header("X-Appwrite-Key", KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
