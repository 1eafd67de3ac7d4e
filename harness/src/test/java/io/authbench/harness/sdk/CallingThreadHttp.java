package io.authbench.harness.sdk;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * An OkHttp client that runs each call on the thread that starts it: the whole exchange happens inside the SDK
 * method, so its answer is there before the method could suspend. On a busy machine that order happens now and then
 * by chance; here it is certain.
 */
public final class CallingThreadHttp {
    private CallingThreadHttp() {}

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
