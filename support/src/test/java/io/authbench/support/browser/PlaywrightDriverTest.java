package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class PlaywrightDriverTest {
    @Test
    void driver_version_comes_from_the_driver_artifact() {
        assertThat(PlaywrightDriver.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void required_node_version_is_read_from_package_json_engines() {
        assertThat(PlaywrightDriver.requiredNodeMajor(JsonParser.parseString("{\"engines\":{\"node\":\">=20\"}}")))
                .isEqualTo(20);
        assertThat(PlaywrightDriver.requiredNodeMajor(JsonParser.parseString("{\"engines\":{\"node\":\">= 18.0.0\"}}")))
                .isEqualTo(18);
        assertThat(PlaywrightDriver.requiredNodeMajor(JsonParser.parseString("{\"name\":\"x\"}")))
                .isEqualTo(18);
    }

    @Test
    void the_bundled_driver_states_its_node_requirement() {
        assertThat(PlaywrightDriver.requiredNodeMajor()).isGreaterThanOrEqualTo(18);
    }
}
