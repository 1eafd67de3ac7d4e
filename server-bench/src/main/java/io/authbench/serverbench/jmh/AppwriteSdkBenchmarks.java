package io.authbench.serverbench.jmh;

import io.appwrite.models.Session;
import io.appwrite.models.User;
import io.appwrite.services.Account;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Appwrite (the emulator) through the real Java/Kotlin SDK, as ssr-app calls it: the auth round trip of every SSR
 * page view ({@code account.get()} with a session) and the password-hash cost of a login
 * ({@code createEmailPasswordSession} with the admin client). The benchmark JVM is the client, so only Appwrite's
 * CPU is charged.
 */
@ServerUnderTest(app = ServerUnderTest.App.NONE)
public class AppwriteSdkBenchmarks {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Per benchmark thread: a session client (one user) and an admin client (one login user). */
    @State(Scope.Thread)
    public static class Clients {
        Account sessionAccount;
        Account adminAccount;
        List<String[]> logins;
        int login;

        @Setup
        public void setUp() {
            TargetFile targets = TargetFile.fromSystemProperty();
            int thread = THREADS.getAndIncrement();
            List<String> secrets = targets.ssrSecrets();
            String endpoint = targets.appwriteApi().toString();
            sessionAccount = new Account(SdkCalls.client(endpoint, targets.projectId())
                    .setSession(secrets.get(thread % secrets.size())));
            adminAccount = new Account(SdkCalls.client(endpoint, targets.projectId()).setKey(targets.apiKey()));
            logins = targets.loginCredentials();
            login = thread;
        }
    }

    /** {@code GET /v1/account} with {@code X-Appwrite-Session}: what every SSR page view costs Appwrite. */
    @Benchmark
    public User<Map<String, Object>> accountGet(Clients c) throws Exception {
        return SdkCalls.await("account.get()", c.sessionAccount::get);
    }

    /** {@code POST /v1/account/sessions/email} with the API key: argon2id at Appwrite 1.6's real parameters. */
    @Benchmark
    public Session createEmailPasswordSession(Clients c) throws Exception {
        String[] user = c.logins.get(c.login++ % c.logins.size());
        return SdkCalls.await("account.createEmailPasswordSession()",
                done -> c.adminAccount.createEmailPasswordSession(user[0], user[1], done));
    }
}
