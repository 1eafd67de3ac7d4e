package io.authbench.harness.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** Reading CDP {@code Network.Response} objects as Chromium sends them (timing values in ms, -1 = did not happen). */
class ConnectionUseTest {
    private static JsonObject response(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void a_new_https_connection_splits_the_tcp_connect_from_the_tls_handshake() {
        ConnectionUse use = ConnectionUse.of(response("""
                {"protocol": "h2", "connectionReused": false, "connectionId": 12,
                 "timing": {"connectStart": 1.5, "connectEnd": 303.5, "sslStart": 2.0, "sslEnd": 303.5},
                 "securityDetails": {"protocol": "TLS 1.3"}}"""));

        assertThat(use).isEqualTo(new ConnectionUse("h2", true, 0.5, 301.5, "TLS 1.3"));
    }

    @Test
    void a_new_plain_connection_has_a_connect_time_and_no_tls() {
        ConnectionUse use = ConnectionUse.of(response("""
                {"protocol": "http/1.1", "connectionReused": false,
                 "timing": {"connectStart": 0.25, "connectEnd": 0.75, "sslStart": -1, "sslEnd": -1}}"""));

        assertThat(use).isEqualTo(new ConnectionUse("http/1.1", true, 0.5, null, null));
    }

    @Test
    void a_reused_connection_keeps_its_tls_version_but_no_set_up_times() {
        ConnectionUse use = ConnectionUse.of(response("""
                {"protocol": "h2", "connectionReused": true,
                 "timing": {"connectStart": -1, "connectEnd": -1, "sslStart": -1, "sslEnd": -1},
                 "securityDetails": {"protocol": "TLS 1.3"}}"""));

        assertThat(use).isEqualTo(new ConnectionUse("h2", false, null, null, "TLS 1.3"));
    }

    @Test
    void the_first_request_on_a_connection_opened_ahead_of_time_is_new_without_set_up_times() {
        // Chromium reports a preconnected socket's first use as not reused, but without connect timing.
        ConnectionUse use = ConnectionUse.of(response("""
                {"protocol": "http/1.1", "connectionReused": false,
                 "timing": {"connectStart": -1, "connectEnd": -1, "sslStart": -1, "sslEnd": -1}}"""));

        assertThat(use).isEqualTo(new ConnectionUse("http/1.1", true, null, null, null));
    }

    @Test
    void a_response_without_timing_is_not_measured_rather_than_reused() {
        ConnectionUse use = ConnectionUse.of(response("""
                {"protocol": "http/1.1", "connectionReused": false}"""));

        assertThat(use.newConnection()).isNull();
        assertThat(use.protocol()).isEqualTo("http/1.1");
        assertThat(ConnectionUse.of(response("{}"))).isEqualTo(ConnectionUse.NOT_MEASURED);
    }
}
