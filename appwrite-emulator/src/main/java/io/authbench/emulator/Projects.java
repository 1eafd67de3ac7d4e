package io.authbench.emulator;

import io.authbench.emulator.auth.Project;

/** The configured project and Appwrite's {@code console} project, which requests without a project id fall back to. */
final class Projects {
    static final String CONSOLE_ID = "console";

    private final Project configured;
    private final Project console;

    Projects(Project configured, Project console) {
        this.configured = configured;
        this.console = console;
    }

    /** The project for an id from the request, or {@code null} for an unknown id. */
    Project find(String id) {
        if (id.isEmpty() || id.equals(CONSOLE_ID)) {
            return console;
        }
        return id.equals(configured.id()) ? configured : null;
    }

    Project configured() {
        return configured;
    }

    Project console() {
        return console;
    }
}
