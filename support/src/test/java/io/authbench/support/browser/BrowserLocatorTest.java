package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserLocatorTest {
    @TempDir
    Path dir;

    private static Path locate(Map<String, String> properties, Map<String, String> environment, List<Path> candidates) {
        return BrowserLocator.locate(BrowserLocator.SETTING.read(properties::get, environment::get), candidates);
    }

    @Test
    void explicit_property_wins_over_environment_and_common_locations() throws IOException {
        Path fromProperty = Scripts.executable(dir, "chrome-from-property", "exit 0");
        Path fromEnvironment = Scripts.executable(dir, "chrome-from-env", "exit 0");
        Path common = Scripts.executable(dir, "chromium", "exit 0");

        Path found = locate(
                Map.of("authbench.browser", fromProperty.toString()),
                Map.of("AUTHBENCH_BROWSER", fromEnvironment.toString()),
                List.of(common));

        assertThat(found).isEqualTo(fromProperty);
    }

    @Test
    void empty_property_counts_as_unset_so_the_environment_is_used() throws IOException {
        Path fromEnvironment = Scripts.executable(dir, "chrome-from-env", "exit 0");

        Path found = locate(
                Map.of("authbench.browser", " "), Map.of("AUTHBENCH_BROWSER", fromEnvironment.toString()), List.of());

        assertThat(found).isEqualTo(fromEnvironment);
    }

    @Test
    void without_settings_the_first_existing_common_location_is_used() throws IOException {
        Path second = Scripts.executable(dir, "chromium", "exit 0");
        Path third = Scripts.executable(dir, "google-chrome", "exit 0");

        Path found = locate(Map.of(), Map.of(), List.of(dir.resolve("missing"), second, third));

        assertThat(found).isEqualTo(second);
    }

    @Test
    void explicit_path_that_does_not_exist_names_the_property_and_the_path() {
        String missing = dir.resolve("no-such-chrome").toString();

        assertThatThrownBy(
                        () -> locate(Map.of("authbench.browser", missing), Map.of(), BrowserLocator.COMMON_LOCATIONS))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessage("-Dauthbench.browser=" + missing + ": no such file. Point it at a Chromium or Chrome"
                        + " executable, or leave it empty to search the usual locations.");
    }

    @Test
    void explicit_environment_file_that_is_not_executable_is_rejected_naming_the_variable() throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("chrome.txt"), "not a program");

        assertThatThrownBy(() -> locate(Map.of(), Map.of("AUTHBENCH_BROWSER", notExecutable.toString()), List.of()))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessageStartingWith("AUTHBENCH_BROWSER=" + notExecutable + ": not executable.");
    }

    @Test
    void explicit_directory_is_rejected() {
        assertThatThrownBy(() -> locate(Map.of("authbench.browser", dir.toString()), Map.of(), List.of()))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessageStartingWith("-Dauthbench.browser=" + dir + ": not a file.");
    }

    @Test
    void nothing_found_gives_the_install_command() {
        assertThatThrownBy(() -> locate(Map.of(), Map.of(), List.of(dir.resolve("a"), dir.resolve("b"))))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessage("No Chromium found. Install it with: apt-get install -y chromium"
                        + " (or set -Dauthbench.browser=/path/to/chrome)");
    }

    @Test
    void this_machine_has_a_browser_the_tests_can_drive() {
        assertThat(BrowserLocator.locate()).isExecutable();
    }
}
