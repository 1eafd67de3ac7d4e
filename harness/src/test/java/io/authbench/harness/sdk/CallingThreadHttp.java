package io.authbench.harness.sdk;

import io.appwrite.Client;
import io.appwrite.services.Users;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * An OkHttp client that runs each call on the thread that starts it: the whole exchange happens inside the SDK
 * method, so its answer is there before the method could suspend. On a busy machine that order happens now and then
 * by chance; here it is certain. Also what the tests of such calls share: a Users service for a stand-in Appwrite on
 * loopback, and the stand-in's JSON answer.
 */
public final class CallingThreadHttp {
    private CallingThreadHttp() {}

    /**
     * A Session model carrying every field sdk-for-kotlin 6.1.0 requires (docs/appwrite-behaviour.md#kotlin-server-sdk),
     * as a stand-in Appwrite answers a session request.
     */
    public static final String SESSION = """
            {"$id":"s1","$createdAt":"2026-11-27T10:00:00.000+00:00","$updatedAt":"2026-11-27T10:00:00.000+00:00",
             "userId":"u1","expire":"2027-11-27T10:00:00.000+00:00","provider":"server","providerUid":"",
             "providerAccessToken":"","providerAccessTokenExpiry":"","providerRefreshToken":"","ip":"127.0.0.1",
             "osCode":"","osName":"","osVersion":"","clientType":"","clientCode":"","clientName":"","clientVersion":"",
             "clientEngine":"","clientEngineVersion":"","deviceName":"","deviceBrand":"","deviceModel":"",
             "countryCode":"--","countryName":"Unknown","current":false,"factors":[],"secret":"c2VjcmV0","mfaUpdatedAt":""}
            """;

    /** The Users service of project {@code authbench} at {@code http://127.0.0.1:port/v1}, over {@code http}. */
    public static Users users(int port, OkHttpClient http) {
        Client client = new Client()
                .setEndpoint("http://127.0.0.1:" + port + "/v1")
                .setProject("authbench")
                .setKey("standard_key");
        client.setHttp(http);
        return new Users(client);
    }

    public static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(new CallingThreadExecutor()))
                .build();
    }

    /** Runs each task at once on the thread that submits it. */
    private static final class CallingThreadExecutor extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }
}
