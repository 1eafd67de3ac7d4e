package io.authbench.support.process;

/** Exit codes in words: Java reports a child killed by signal n as exit code 128+n. */
final class ExitCodes {
    private ExitCodes() {}

    static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            return "code " + exitCode + " (killed by signal " + signal + signalName(signal) + ")";
        }
        return "code " + exitCode;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 2 -> ", SIGINT";
            case 6 -> ", SIGABRT";
            case 9 -> ", SIGKILL";
            case 11 -> ", SIGSEGV";
            case 15 -> ", SIGTERM";
            default -> "";
        };
    }
}
