package io.authbench.harness.apptarget;

/** Target-file texts for tests. */
final class TargetFileTestFiles {
    private TargetFileTestFiles() {}

    /** An app that runs on its own at http://localhost:3001 (no start). */
    static String external(String pattern, String name) {
        return """
                {
                  "name": "%s",
                  "pattern": "%s",
                  "baseUrl": "http://localhost:3001",
                  "routes": { "login": "/signin", "dashboard": "/home", "profile": "/me" },
                  "selectors": { "email": "#email", "password": "#password", "submit": "#go", "userName": "h1",
                                 "profileName": "h2", "profileLink": "a.me", "logout": "#out", "loginHeading": "h2" }
                }
                """.formatted(name, pattern);
    }
}
