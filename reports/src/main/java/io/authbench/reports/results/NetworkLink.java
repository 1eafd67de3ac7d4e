package io.authbench.reports.results;

/** The three emulated links between the parties (docs/architecture.md#links); each request travels over exactly one. */
public enum NetworkLink implements Coded {
    /** Browser to the app server (SSR pages, CSR static files). */
    BROWSER_APP("browser-app"),
    /** Browser to Appwrite (CSR only: Web SDK calls and their CORS preflights). */
    BROWSER_APPWRITE("browser-appwrite"),
    /** App server to Appwrite (SSR only: the Java SDK's calls, seen through Server-Timing and emulator stats). */
    APP_APPWRITE("app-appwrite");

    private final String code;

    NetworkLink(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
