package io.authbench.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesTest {

    @TempDir
    Path dir;

    @Test
    void bundled_profiles_are_the_four_of_the_design_with_its_exact_numbers() {
        Profiles profiles = Profiles.bundled();

        assertThat(profiles.names()).containsExactly("loopback", "cable", "slow-4g", "far-backend");

        NetworkProfile loopback = profiles.get("loopback");
        assertThat(loopback.browserApp()).isEqualTo(LinkSpec.TRANSPARENT);
        assertThat(loopback.browserAppwrite()).isEqualTo(LinkSpec.TRANSPARENT);
        assertThat(loopback.appAppwrite()).isEqualTo(LinkSpec.TRANSPARENT);
        assertThat(loopback.cpuSlowdown()).isEqualTo(1.0);

        NetworkProfile cable = profiles.get("cable");
        assertThat(cable.browserApp()).isEqualTo(LinkSpec.of(28, 5_000_000, 1_000_000));
        assertThat(cable.browserAppwrite()).isEqualTo(LinkSpec.of(28, 5_000_000, 1_000_000));
        assertThat(cable.appAppwrite()).isEqualTo(LinkSpec.of(2, 0, 0));
        assertThat(cable.cpuSlowdown()).isEqualTo(1.0);

        NetworkProfile slow4g = profiles.get("slow-4g");
        assertThat(slow4g.browserApp()).isEqualTo(LinkSpec.of(150, 1_600_000, 750_000));
        assertThat(slow4g.browserAppwrite()).isEqualTo(LinkSpec.of(150, 1_600_000, 750_000));
        assertThat(slow4g.appAppwrite()).isEqualTo(LinkSpec.of(2, 0, 0));
        assertThat(slow4g.cpuSlowdown()).isEqualTo(4.0);

        NetworkProfile far = profiles.get("far-backend");
        assertThat(far.browserApp()).isEqualTo(LinkSpec.of(28, 5_000_000, 1_000_000));
        assertThat(far.browserAppwrite()).isEqualTo(LinkSpec.of(28, 5_000_000, 1_000_000));
        assertThat(far.appAppwrite()).isEqualTo(LinkSpec.of(80, 0, 0));
        assertThat(far.cpuSlowdown()).isEqualTo(1.0);
    }

    @Test
    void unknown_profile_name_lists_the_known_profiles() {
        assertThatThrownBy(() -> Profiles.bundled().get("dial-up"))
                .isInstanceOf(UnknownProfileException.class)
                .hasMessageContaining("unknown network profile 'dial-up'")
                .hasMessageContaining("loopback, cable, slow-4g, far-backend");
    }

    @Test
    void user_file_adds_new_profiles_after_the_bundled_ones_and_replaces_same_named_ones_in_place() throws IOException {
        Path file = write("""
                {"profiles": [
                  {"name": "cable", "description": "Faster cable.",
                   "browserApp": {"rttMs": 10, "downMbps": 50, "upMbps": 10},
                   "browserAppwrite": {"rttMs": 12.5, "downMbps": 50, "upMbps": 10},
                   "appAppwrite": {"rttMs": 1, "downMbps": 0, "upMbps": 0},
                   "cpuSlowdown": 1.5},
                  {"name": "satellite", "description": "Geostationary satellite.",
                   "browserApp": {"rttMs": 600, "downMbps": 10, "upMbps": 2},
                   "browserAppwrite": {"rttMs": 600, "downMbps": 10, "upMbps": 2},
                   "appAppwrite": {"rttMs": 2, "downMbps": 0, "upMbps": 0},
                   "cpuSlowdown": 1}
                ]}
                """);

        Profiles profiles = Profiles.withUserFile(file);

        assertThat(profiles.names()).containsExactly("loopback", "cable", "slow-4g", "far-backend", "satellite");
        NetworkProfile cable = profiles.get("cable");
        assertThat(cable.description()).isEqualTo("Faster cable.");
        assertThat(cable.browserApp()).isEqualTo(LinkSpec.of(10, 50_000_000, 10_000_000));
        assertThat(cable.browserAppwrite().rtt())
                .isEqualTo(Duration.ofMillis(12).plusNanos(500_000));
        assertThat(cable.cpuSlowdown()).isEqualTo(1.5);
        assertThat(profiles.get("satellite").browserApp().rtt()).isEqualTo(Duration.ofMillis(600));
        assertThat(Profiles.bundled().get("cable").browserApp().rtt())
                .as("bundled set untouched")
                .isEqualTo(Duration.ofMillis(28));
    }

    @Test
    void missing_user_file_is_named_in_the_message() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Profiles.withUserFile(missing))
                .isInstanceOf(ProfileFileException.class)
                .hasMessage("profiles file " + missing + ": does not exist; check the path");
    }

    @Test
    void malformed_json_names_file_line_and_column() throws IOException {
        Path file = write("{\"profiles\": [\n  {\"name\": \"x\",}\n]}");
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .isInstanceOf(ProfileFileException.class)
                .hasMessageStartingWith("profiles file " + file + ": not valid JSON at line 2, column")
                .hasMessageNotContaining("\n");
    }

    @Test
    void negative_rtt_names_file_profile_and_field() throws IOException {
        Path file = write(
                profileJson("wan", "\"browserApp\": {\"rttMs\": -5, \"downMbps\": 1, \"upMbps\": 1}", LINK, LINK, "1"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .isInstanceOf(ProfileFileException.class)
                .hasMessage("profiles file " + file
                        + ": profile \"wan\": field \"browserApp.rttMs\" must not be negative, got -5.0");
    }

    @Test
    void cpu_slowdown_below_one_is_refused() throws IOException {
        Path file = write(profileJson("wan", "\"browserApp\": " + LINK_VALUE, LINK, LINK, "0.5"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessage("profiles file " + file
                        + ": profile \"wan\": field \"cpuSlowdown\" must be between 1 (no slowdown) and 50, got 0.5");
    }

    @Test
    void unknown_key_in_a_link_is_refused_with_the_allowed_keys() throws IOException {
        Path file = write(profileJson(
                "wan",
                "\"browserApp\": {\"rttMs\": 5, \"downMbps\": 1, \"upMbps\": 1, \"lossPercent\": 1}",
                LINK,
                LINK,
                "1"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessage(
                        "profiles file " + file
                                + ": profile \"wan\": field \"browserApp\": unknown key \"lossPercent\"; allowed keys are rttMs, downMbps, upMbps");
    }

    @Test
    void unknown_key_in_a_profile_is_refused() throws IOException {
        Path file = write(profileJson("wan", "\"browserApp\": " + LINK_VALUE + ", \"latency\": 3", LINK, LINK, "1"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessageContaining(
                        "profile \"wan\": unknown key \"latency\"; allowed keys are name, description, browserApp");
    }

    @Test
    void unknown_top_level_key_is_refused() throws IOException {
        Path file = write("{\"profile\": []}");
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessage("profiles file " + file + ": unknown key \"profile\"; allowed keys are profiles");
    }

    @Test
    void missing_link_field_is_named() throws IOException {
        Path file = write("""
                {"profiles": [{"name": "wan", "description": "d",
                  "browserApp": {"rttMs": 5, "downMbps": 1, "upMbps": 1},
                  "browserAppwrite": {"rttMs": 5, "downMbps": 1},
                  "appAppwrite": {"rttMs": 5, "downMbps": 1, "upMbps": 1},
                  "cpuSlowdown": 1}]}
                """);
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessage("profiles file " + file
                        + ": profile \"wan\": missing field \"browserAppwrite.upMbps\" (a number)");
    }

    @Test
    void missing_link_is_named() throws IOException {
        Path file = write("""
                {"profiles": [{"name": "wan", "description": "d",
                  "browserApp": {"rttMs": 5, "downMbps": 1, "upMbps": 1},
                  "browserAppwrite": {"rttMs": 5, "downMbps": 1, "upMbps": 1},
                  "cpuSlowdown": 1}]}
                """);
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessageStartingWith("profiles file " + file + ": profile \"wan\": missing field \"appAppwrite\"");
    }

    @Test
    void missing_name_points_at_the_profile_position() throws IOException {
        Path file = write("{\"profiles\": [{\"description\": \"d\"}]}");
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessage("profiles file " + file
                        + ": profile #1: missing field \"name\" (a string such as \"slow-4g\")");
    }

    @Test
    void bad_name_states_the_naming_rule() throws IOException {
        Path file = write(profileJson("Slow 4G", "\"browserApp\": " + LINK_VALUE, LINK, LINK, "1"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessageContaining("profile #1: name \"Slow 4G\" must be lower-case letters, digits and '-'");
    }

    @Test
    void rtt_given_as_a_string_is_refused_not_guessed() throws IOException {
        Path file = write(profileJson(
                "wan", "\"browserApp\": {\"rttMs\": \"28ms\", \"downMbps\": 1, \"upMbps\": 1}", LINK, LINK, "1"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessageContaining("profile \"wan\": field \"browserApp.rttMs\" must be a number, got \"28ms\"");
    }

    @Test
    void tiny_bandwidth_is_taken_for_a_unit_mistake() throws IOException {
        Path file = write(profileJson(
                "wan", "\"browserApp\": {\"rttMs\": 5, \"downMbps\": 0.001, \"upMbps\": 1}", LINK, LINK, "1"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessageContaining(
                        "field \"browserApp.downMbps\" must be 0 (unlimited) or at least 0.01 Mbit/s, got 0.001");
    }

    @Test
    void a_profile_defined_twice_in_one_file_is_refused() throws IOException {
        String one = profileObject("wan", "\"browserApp\": " + LINK_VALUE, LINK, LINK, "1");
        Path file = write("{\"profiles\": [" + one + "," + one + "]}");
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessage("profiles file " + file + ": profile \"wan\" is defined twice; keep one definition");
    }

    @Test
    void a_key_repeated_inside_an_object_is_refused() throws IOException {
        Path file = write(profileJson(
                "wan",
                "\"browserApp\": {\"rttMs\": 5, \"rttMs\": 50, \"downMbps\": 1, \"upMbps\": 1}",
                LINK,
                LINK,
                "1"));
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("rttMs");
    }

    @Test
    void empty_profile_list_is_refused() throws IOException {
        Path file = write("{\"profiles\": []}");
        assertThatThrownBy(() -> Profiles.withUserFile(file))
                .hasMessage("profiles file " + file + ": \"profiles\" is empty; define at least one profile");
    }

    @Test
    void link_spec_reports_one_way_delay_and_transparency() {
        assertThat(LinkSpec.of(150, 0, 0).oneWayDelay()).isEqualTo(Duration.ofMillis(75));
        assertThat(LinkSpec.TRANSPARENT.isTransparent()).isTrue();
        assertThat(LinkSpec.of(0, 1_000_000, 0).isTransparent()).isFalse();
        assertThat(LinkSpec.of(150, 1_600_000, 750_000).describe())
                .isEqualTo("150 ms RTT, 1.6 Mbit/s down, 0.75 Mbit/s up");
        assertThatThrownBy(() -> new LinkSpec(Duration.ofMillis(-1), 0, 0))
                .hasMessageContaining("rtt must be zero or positive");
    }

    private static final String LINK_VALUE = "{\"rttMs\": 5, \"downMbps\": 1, \"upMbps\": 1}";
    private static final String LINK = LINK_VALUE;

    private static String profileObject(
            String name, String browserApp, String browserAppwrite, String appAppwrite, String cpu) {
        return "{\"name\": \"" + name + "\", \"description\": \"d\", " + browserApp
                + ", \"browserAppwrite\": " + browserAppwrite + ", \"appAppwrite\": " + appAppwrite
                + ", \"cpuSlowdown\": " + cpu + "}";
    }

    private static String profileJson(
            String name, String browserApp, String browserAppwrite, String appAppwrite, String cpu) {
        return "{\"profiles\": [" + profileObject(name, browserApp, browserAppwrite, appAppwrite, cpu) + "]}";
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("profiles.json");
        Files.writeString(file, json);
        return file;
    }
}
