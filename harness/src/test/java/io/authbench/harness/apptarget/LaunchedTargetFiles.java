package io.authbench.harness.apptarget;

/** Launched target files for tests outside this package. */
public final class LaunchedTargetFiles {
    private LaunchedTargetFiles() {}

    /** An SSR target started with {@code node server.js} (never actually started by the tests using it). */
    public static String ssr(String name) {
        return LaunchedTargetFileTest.file(
                "ssr",
                name,
                "{ \"command\": [\"node\", \"server.js\"], \"apiKeyEnvironment\":" + " \"APPWRITE_API_KEY\" }",
                "");
    }
}
