package io.authbench.serverbench.jmh;

import io.appwrite.models.Session;
import io.appwrite.models.User;
import io.appwrite.services.Account;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Appwrite (the emulator) through the real Java/Kotlin SDK, as ssr-app calls it: the auth round trip of every SSR
 * page view ({@code account.get()} with a session) and the password-hash cost of a login
 * ({@code createEmailPasswordSession} with the admin client). The benchmark JVM is the client, so only Appwrite's
 * CPU is charged as server CPU.
 *
 * <p>{@link #accountGetPlainHttp} sends the same request on the same kind of OkHttp client without the SDK: the
 * auth round trip alone. The difference to {@link #accountGet} is what the SDK itself adds on the client (building
 * the request, the coroutine hand-off to OkHttp's dispatcher thread, parsing the JSON into a map and converting it
 * into a {@code User}).
 */
@ServerUnderTest(app = ServerUnderTest.App.NONE)
public class AppwriteSdkBenchmarks {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /**
     * Per benchmark thread: one OkHttp client (one connection pool, kept alive across calls) shared by a session
     * client (one user) and an admin client (one login user), as ssr-app shares one per process.
     */
    @State(Scope.Thread)
    public static class Clients {
        OkHttpClient http;
        Account sessionAccount;
        Account adminAccount;
        Request plainAccountGet;
        List<String[]> logins;
        int login;

        @Setup
        public void setUp() {
            ForkHandoffFile targets = ForkHandoffFile.fromSystemProperty();
            int thread = THREADS.getAndIncrement();
            List<String> secrets = targets.ssrSecrets();
            String secret = secrets.get(thread % secrets.size());
            String endpoint = targets.appwriteApi().toString();
            http = SdkCalls.http();
            sessionAccount = new Account(
                    SdkCalls.client(endpoint, targets.projectId(), http).setSession(secret));
            adminAccount = new Account(
                    SdkCalls.client(endpoint, targets.projectId(), http).setKey(targets.apiKey()));
            plainAccountGet = SdkCalls.plainAccountGet(endpoint, targets.projectId(), secret);
            logins = targets.loginCredentials();
            login = thread;
        }

        @TearDown
        public void tearDown() {
            SdkCalls.close(http);
        }
    }

    /** {@code GET /v1/account} with {@code X-Appwrite-Session}: what every SSR page view costs Appwrite. */
    @Benchmark
    public User<Map<String, Object>> accountGet(Clients c) throws Exception {
        return SdkCalls.await("account.get()", c.sessionAccount::get);
    }

    /**
     * The same {@code GET /v1/account} (the SDK's headers, the same OkHttp client type) without the SDK: a blocking
     * call whose body is read as text and not parsed. The auth round trip without the SDK's own client cost.
     */
    @Benchmark
    public int accountGetPlainHttp(Clients c) throws Exception {
        try (Response response = c.http.newCall(c.plainAccountGet).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            if (response.code() != 200) {
                throw new IllegalStateException("GET /v1/account answered " + response.code() + ", expected 200: the"
                        + " session is not valid any more (see the server logs in the run folder).");
            }
            return text.length();
        }
    }

    /** {@code POST /v1/account/sessions/email} with the API key: argon2id at Appwrite 1.6's real parameters. */
    @Benchmark
    public Session createEmailPasswordSession(Clients c) throws Exception {
        String[] user = c.logins.get(c.login++ % c.logins.size());
        return SdkCalls.await(
                "account.createEmailPasswordSession()",
                done -> c.adminAccount.createEmailPasswordSession(user[0], user[1], done));
    }
}
