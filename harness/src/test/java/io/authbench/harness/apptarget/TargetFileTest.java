package io.authbench.harness.apptarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.harness.flow.Flow;
import io.authbench.harness.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Target files: the bundled ones, every bad field's message, overrides, the SSR+CSR pair, shaped profiles. */
class TargetFileTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {
              // comments are allowed
              "name": "my-app",
              "pattern": "ssr",
              "baseUrl": "https://staging.example.com/app/",
              "routes": { "login": "/signin", "dashboard": "/home", "profile": "/me" },
              "selectors": { "email": "#email", "password": "#password", "submit": "button[type=submit]",
                             "userName": "h1.user", "profileName": "h1.profile", "profileLink": "a[href='/me']",
                             "logout": "#logout", "loginHeading": "h1.signin" },
              "sessionCookie": "app_session",
              "serverPid": 4242
            }
            """;

    @Test
    void the_bundled_target_files_describe_the_bundled_apps_page_contract() {
        Target ssr = TargetFile.read(TargetFiles.bundled("bundled-ssr.json"));
        Target csr = TargetFile.read(TargetFiles.bundled("bundled-csr.json"));

        Target builtInSsr = Target.bundled(true, "http://localhost:3001", -1);
        Target builtInCsr = Target.bundled(false, "http://localhost:3002", -1);
        assertThat(ssr.withBaseUrl(builtInSsr.baseUrl()))
                .usingRecursiveComparison()
                .ignoringFields("source")
                .isEqualTo(builtInSsr);
        assertThat(csr).usingRecursiveComparison().ignoringFields("source").isEqualTo(builtInCsr);
        assertThat(ssr.sessionCookie()).isEqualTo("authbench_session");
        assertThat(csr.sessionCookie()).isNull();
        assertThat(csr.serverPid()).isEqualTo(-1);
    }

    @Test
    void a_full_file_is_read_with_every_field() {
        Target t = TargetFile.parse(GOOD, "my.json");

        assertThat(t.name()).isEqualTo("my-app");
        assertThat(t.pattern()).isEqualTo(Target.Pattern.SSR);
        assertThat(t.baseUrl()).isEqualTo("https://staging.example.com/app");
        assertThat(t.url(t.routes().login())).isEqualTo("https://staging.example.com/app/signin");
        assertThat(t.selectors().profileLink()).isEqualTo("a[href='/me']");
        assertThat(t.sessionCookie()).isEqualTo("app_session");
        assertThat(t.serverPid()).isEqualTo(4242);
    }

    @Test
    void flow_specific_selectors_and_the_profile_route_may_be_absent_and_the_flows_that_need_them_say_so() {
        String minimal = """
                { "name": "welcome", "pattern": "ssr", "baseUrl": "http://localhost:3000",
                  "routes": { "login": "/signin", "dashboard": "/home" },
                  "selectors": { "email": "#email", "password": "#password", "submit": "#go", "userName": "h1.greeting",
                                 "loginHeading": "h2", "logout": "#signout", "loginError": ".alert",
                                 "upstreamError": ".oops" },
                  "nameMatch": "contains" }
                """;
        Target t = TargetFile.parse(minimal, "welcome.json");

        assertThat(t.routes().profile()).isNull();
        assertThat(t.selectors().profileLink()).isNull();
        assertThat(t.selectors().profileName()).isNull();
        assertThat(t.selectors().loginError()).isEqualTo(".alert");
        assertThat(t.selectors().upstreamError()).isEqualTo(".oops");
        assertThat(t.nameMatch()).isEqualTo(NameMatch.CONTAINS);
        assertThat(Flow.NAVIGATE.unsupportedReason(t))
                .hasValue(
                        "navigate needs"
                                + " selectors.profileLink and selectors.profileName, which target welcome (welcome.json) does not give");
        for (Flow flow : Flow.values()) {
            if (flow != Flow.NAVIGATE) {
                assertThat(flow.unsupportedReason(t)).as(flow.code()).isEmpty();
            }
        }
        Target noHeading = TargetFile.parse(minimal.replace("\"loginHeading\": \"h2\", ", ""), "w.json");
        assertThat(Flow.GUARD.unsupportedReason(noHeading))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("guard needs selectors.loginHeading"));
        assertThat(Flow.LOGOUT.unsupportedReason(noHeading)).isPresent();
    }

    @Test
    void the_name_match_is_exact_by_default_or_contains_or_a_regex_with_the_name() {
        assertThat(TargetFile.parse(GOOD, "my.json").nameMatch()).isEqualTo(NameMatch.EXACT);
        Target regex = TargetFile.parse(
                GOOD.replace(
                        "\"serverPid\": 4242",
                        "\"serverPid\": 4242, \"nameMatch\": {\"regex\": \"^Welcome back, {name}!$\"}"),
                "my.json");
        assertThat(regex.nameMatch().mode()).isEqualTo(NameMatch.Mode.REGEX);
        assertThat(regex.nameMatch().matches("Welcome back, Ada Lovelace 1!", "Ada Lovelace 1"))
                .isTrue();
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of(
                        "\"name\": \"my-app\"",
                        "\"name\": \"My App\"",
                        "field \"name\" 'My App' is not 1 to 40 characters of a-z, 0-9 and '-'; use e.g. \"my-app-ssr\"."),
                Arguments.of("\"name\": \"my-app\",", "", "field \"name\" is missing; add a string."),
                Arguments.of(
                        "\"pattern\": \"ssr\"",
                        "\"pattern\": \"isr\"",
                        "field \"pattern\" 'isr' is not a pattern; use \"ssr\" or \"csr\"."),
                Arguments.of(
                        "\"baseUrl\": \"https://staging.example.com/app/\"",
                        "\"baseUrl\": \"ftp://example.com\"",
                        "field \"baseUrl\" 'ftp://example.com' is not an http or https URL; give the app's address"),
                Arguments.of(
                        "\"baseUrl\": \"https://staging.example.com/app/\"",
                        "\"baseUrl\": \"https://u:p@example.com?x=1\"",
                        "field \"baseUrl\" 'https://u:p@example.com?x=1' has a user name, password, query or fragment;"),
                Arguments.of(
                        "\"baseUrl\": \"https://staging.example.com/app/\"",
                        "\"baseUrl\": 3001",
                        "field \"baseUrl\" must be a non-empty string; give a string."),
                Arguments.of(
                        "\"routes\": { \"login\": \"/signin\", \"dashboard\": \"/home\", \"profile\": \"/me\" },",
                        "",
                        "field \"routes\" is missing; add an object with login, dashboard, profile."),
                Arguments.of(
                        "\"login\": \"/signin\"",
                        "\"login\": \"signin\"",
                        "field \"routes.login\" 'signin' is not a path; give a path that starts with '/'"),
                Arguments.of(
                        "\"profile\": \"/me\"",
                        "\"profile\": \"/me\", \"settings\": \"/settings\"",
                        "field \"routes.settings\" is not a known field; remove it or fix its spelling; the known fields of"
                                + " routes are login, dashboard, profile."),
                Arguments.of(
                        "\"email\": \"#email\", ",
                        "",
                        "field \"selectors.email\" is missing; add a CSS selector, e.g. \"[data-testid=user-name]\"."),
                Arguments.of(
                        "\"logout\": \"#logout\"",
                        "\"logout\": \" \"",
                        "field \"selectors.logout\" must be a non-empty string; give a CSS selector"),
                Arguments.of(
                        "\"userName\": \"h1.user\"",
                        "\"username\": \"h1.user\"",
                        "field \"selectors.username\" is not a known field"),
                Arguments.of(
                        "\"sessionCookie\": \"app_session\"",
                        "\"sessionCookie\": \"app session\"",
                        "field \"sessionCookie\" 'app session' is not a cookie name; give the name only"),
                Arguments.of(
                        "\"serverPid\": 4242",
                        "\"serverPid\": \"4242\"",
                        "field \"serverPid\" '\"4242\"' is not a process id; give the app server's process id"),
                Arguments.of(
                        "\"serverPid\": 4242", "\"serverPid\": -5", "field \"serverPid\" '-5' is not a process id;"),
                Arguments.of(
                        "\"serverPid\": 4242",
                        "\"serverPid\": 4242, \"apiKey\": \"secret\"",
                        "field \"apiKey\" is not a known field; remove it or fix its spelling; the known fields are name,"
                                + " pattern, baseUrl, routes, selectors, sessionCookie, nameMatch, serverPid, start, ports."),
                Arguments.of(
                        "\"serverPid\": 4242",
                        "\"serverPid\": 4242, \"nameMatch\": \"fuzzy\"",
                        "field \"nameMatch\" 'fuzzy' is not a name match; give \"exact\" (the default), \"contains\", or"),
                Arguments.of(
                        "\"serverPid\": 4242",
                        "\"serverPid\": 4242, \"nameMatch\": {\"regex\": \"^Hello .+$\"}",
                        "field \"nameMatch.regex\" '^Hello .+$' has no {name} placeholder"),
                Arguments.of(
                        "\"serverPid\": 4242",
                        "\"serverPid\": 4242, \"nameMatch\": {\"regex\": \"^Hello ({name}$\"}",
                        "field \"nameMatch.regex\" '^Hello ({name}$' is not a regular expression (Unclosed group"),
                Arguments.of(
                        "\"serverPid\": 4242",
                        "\"serverPid\": 4242, \"nameMatch\": {\"pattern\": \"{name}\"}",
                        "field \"nameMatch.pattern\" is not a known field"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badFields")
    void every_bad_field_is_one_message_naming_the_file_the_field_and_the_fix(String good, String bad, String message) {
        assertThat(GOOD).contains(good);
        String text = GOOD.replace(good, bad);

        assertThatThrownBy(() -> TargetFile.parse(text, "/tmp/my.json"))
                .isInstanceOf(TargetFileException.class)
                .hasMessageStartingWith("target file /tmp/my.json: ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    @Test
    void a_session_cookie_on_a_csr_target_is_refused() {
        String csr = GOOD.replace("\"pattern\": \"ssr\"", "\"pattern\": \"csr\"");

        assertThatThrownBy(() -> TargetFile.parse(csr, "c.json"))
                .hasMessage("target file c.json: field \"sessionCookie\" is"
                        + " for SSR targets only (a CSR app's session is Appwrite's own cookie); remove the field.");
    }

    @Test
    void a_missing_file_and_bad_json_are_named() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> TargetFile.read(missing))
                .hasMessage(
                        "target file " + missing + ": no such file; give the"
                                + " path of a JSON target file (examples: targets/bundled-ssr.json, targets/bundled-csr.json).");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"name\": ");
        assertThatThrownBy(() -> TargetFile.read(broken))
                .hasMessageStartingWith("target file " + broken + ": not valid JSON (")
                .hasMessageEndingWith("; fix the syntax.");
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        assertThatThrownBy(() -> TargetFile.read(array))
                .hasMessageContaining("expected a JSON object with the fields name,");
    }

    @Test
    void a_base_url_override_replaces_the_files_base_url() {
        Targets targets = Targets.resolve(bundledFiles(), List.of("bundled-csr=http://127.0.0.1:4002/"));

        assertThat(targets.ssr().baseUrl()).isEqualTo("http://localhost:3001");
        assertThat(targets.csr().baseUrl()).isEqualTo("http://127.0.0.1:4002");
        assertThat(targets.forVariant(true)).isSameAs(targets.ssr());
        assertThat(targets.configSettings())
                .containsEntry("target.csr.baseUrl", "http://127.0.0.1:4002")
                .containsEntry("target.ssr.name", "bundled-ssr")
                .hasEntrySatisfying("network", v -> assertThat(v).startsWith("not emulated"))
                .hasEntrySatisfying("linkCalibration", v -> assertThat(v).startsWith("not applicable"))
                .hasEntrySatisfying("target.ssr.session", v -> assertThat(v).contains("cookie check applied"));
    }

    @Test
    void bad_overrides_say_what_is_expected() {
        assertThatThrownBy(() -> Targets.resolve(bundledFiles(), List.of("other=http://localhost:1")))
                .hasMessage("--target-base-url other=http://localhost:1: no target is named 'other'; the targets are"
                        + " bundled-ssr, bundled-csr (each file's \"name\").");
        assertThatThrownBy(() -> Targets.resolve(bundledFiles(), List.of("bundled-ssr")))
                .hasMessage(
                        "--target-base-url bundled-ssr: expected NAME=URL, e.g. bundled-ssr=http://localhost:3001.");
        assertThatThrownBy(() -> Targets.resolve(bundledFiles(), List.of("bundled-ssr=localhost:3001")))
                .hasMessageStartingWith(
                        "--target-base-url bundled-ssr=localhost:3001: 'localhost:3001' is not an http or https URL;");
    }

    @Test
    void exactly_one_ssr_and_one_csr_target_are_required() throws IOException {
        Path ssr = TargetFiles.bundled("bundled-ssr.json");
        Path otherSsr = Files.writeString(
                dir.resolve("other.json"), Files.readString(ssr).replace("bundled-ssr", "other-ssr"));

        assertThatThrownBy(() -> Targets.resolve(List.of(ssr, otherSsr), List.of()))
                .hasMessage("--target: give exactly one SSR and one CSR target file (got " + ssr + " (ssr), " + otherSsr
                        + " (ssr)); each file's \"pattern\" says which it is.");
        assertThatThrownBy(() -> Targets.resolve(List.of(ssr), List.of()))
                .hasMessageStartingWith(
                        "--target: give exactly one SSR and one CSR target file (got " + ssr + " (ssr));");
        Path sameName = Files.writeString(
                dir.resolve("csr.json"),
                Files.readString(TargetFiles.bundled("bundled-csr.json")).replace("bundled-csr", "bundled-ssr"));
        assertThatThrownBy(() -> Targets.resolve(List.of(ssr, sameName), List.of()))
                .hasMessageContaining("both target files are named 'bundled-ssr'");
    }

    @Test
    void a_server_pid_must_be_a_running_process_of_this_machine() throws IOException {
        String text = Files.readString(TargetFiles.bundled("bundled-csr.json"));
        Path gone = Files.writeString(
                dir.resolve("gone.json"), text.replace("\"routes\"", "\"serverPid\": 999999999, \"routes\""));
        Path here = Files.writeString(
                dir.resolve("here.json"),
                text.replace(
                        "\"routes\"",
                        "\"serverPid\": " + ProcessHandle.current().pid() + ", \"routes\""));

        assertThatThrownBy(() -> Targets.resolve(List.of(TargetFiles.bundled("bundled-ssr.json"), gone), List.of()))
                .hasMessage(
                        "target file " + gone + ": field \"serverPid\" 999999999 is not a running process on this"
                                + " machine; give the app server's current process id (its CPU can only be read here), or remove the field.");
        assertThat(Targets.resolve(List.of(TargetFiles.bundled("bundled-ssr.json"), here), List.of())
                        .csr()
                        .serverPid())
                .isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void only_profiles_that_shape_no_link_are_accepted() {
        Profiles bundled = Profiles.bundled();
        Targets.checkProfile(bundled.get(List.of("loopback")).get(0));

        assertThatThrownBy(
                        () -> Targets.checkProfile(bundled.get(List.of("cable")).get(0)))
                .hasMessage(
                        "--profiles: profile 'cable' shapes the browser→app, browser→Appwrite, app→Appwrite link(s),"
                                + " but these targets run on their own (no \"start\" in their files): the harness starts neither the"
                                + " apps nor Appwrite, so it cannot put an emulated link between them; use --profiles=loopback (or a"
                                + " profiles-file profile whose three links are all 0, with a cpuSlowdown if you want one), add"
                                + " \"start\" to the target files so the harness launches the apps behind its links, or measure a"
                                + " real network by running the browser where your users are (--browser-ws, --selenium-grid).");
    }

    private static List<Path> bundledFiles() {
        return List.of(TargetFiles.bundled("bundled-ssr.json"), TargetFiles.bundled("bundled-csr.json"));
    }
}
