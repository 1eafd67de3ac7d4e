package io.authbench.emulator;

/** Creating users and sessions over HTTP, for tests that are about something else. */
final class Seed {
    private Seed() {}

    static String createUser(Http http, String email) {
        Http.Response created = http.request("POST", "/users")
                .key()
                .json("{\"userId\":\"unique()\",\"email\":\"" + email + "\",\"password\":\"" + TestEmulator.PASSWORD
                        + "\",\"name\":\"Test User\"}")
                .send();
        if (created.status() != 201) {
            throw new AssertionError("creating " + email + " failed: " + created);
        }
        return created.json().path("$id").asText();
    }

    /** Logs in with the API key (as the SSR app does) and returns the session value for X-Appwrite-Session. */
    static String keySession(Http http, String email) {
        Http.Response session = http.request("POST", "/account/sessions/email")
                .key()
                .json("{\"email\":\"" + email + "\",\"password\":\"" + TestEmulator.PASSWORD + "\"}")
                .send();
        if (session.status() != 201) {
            throw new AssertionError("logging in " + email + " failed: " + session);
        }
        return session.json().path("secret").asText();
    }

    /** Logs in as a browser would (no key, an Origin) and returns the raw response. */
    static Http.Response browserLogin(Http http, String email, String password) {
        return http.request("POST", "/account/sessions/email")
                .header("Origin", "http://localhost:3000")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .send();
    }
}
