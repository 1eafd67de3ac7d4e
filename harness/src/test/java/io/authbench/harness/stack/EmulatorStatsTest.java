package io.authbench.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.authbench.testsupport.appwrite.JsonAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a JDK HttpServer that answers as docs/CONVENTIONS.md says the emulator does. */
class EmulatorStatsTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_emulator/stats", exchange -> JsonAnswer.send(exchange, status, body));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    @Test
    void counts_api_calls_of_every_route_but_not_preflights_or_the_stats_route() throws IOException {
        URI api = serve(200, """
                {"startedAt":"2026-11-27T07:00:00.000+00:00","requests":45,
                 "routes":{"GET /v1/account":{"count":30,"serverTimeNanos":1},
                           "POST /v1/account/sessions/email":{"count":12,"serverTimeNanos":2},
                           "GET /_emulator/stats":{"count":3,"serverTimeNanos":3}},
                 "preflights":5}""");
        assertThat(new EmulatorStats(api, Duration.ofSeconds(5)).apiCalls()).isEqualTo(42);
    }

    @Test
    void an_error_answer_reads_as_unknown() throws IOException {
        URI api = serve(500, "{}");
        assertThat(new EmulatorStats(api, Duration.ofSeconds(5)).apiCalls()).isEqualTo(-1);
    }

    @Test
    void an_emulator_that_is_gone_reads_as_unknown_without_hanging() throws IOException {
        URI api = serve(200, "{}");
        server.stop(0);
        server = null;
        assertThat(new EmulatorStats(api, Duration.ofSeconds(2)).apiCalls()).isEqualTo(-1);
    }
}
