package io.authbench.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsrMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Optional<Integer> run(String... args) {
        return CsrMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_prints_usage_on_stdout_and_exits_0() {
        assertThat(run("--help")).contains(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: csr-app")
                .contains("--appwrite-endpoint");
        assertThat(err.size()).isZero();
    }

    @Test
    void a_bad_flag_value_prints_one_line_naming_it_and_exits_2() {
        assertThat(run("--port", "abc", "--appwrite-endpoint", "http://localhost:1/v1"))
                .contains(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "csr-app: --port: 'abc' is not a number. Run with --help for usage." + System.lineSeparator());
        assertThat(out.size()).isZero();
    }

    @Test
    void a_missing_endpoint_prints_one_line_and_exits_2() {
        assertThat(run()).contains(2);

        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .startsWith("csr-app: ")
                .contains("--appwrite-endpoint")
                .endsWith("Run with --help for usage.");
    }

    @Test
    void a_port_already_in_use_is_reported_in_one_line_with_exit_code_1() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run(
                            "--port",
                            String.valueOf(taken.getLocalPort()),
                            "--appwrite-endpoint",
                            "http://localhost:1/v1"))
                    .contains(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .startsWith("csr-app: cannot listen on 127.0.0.1:")
                .endsWith("Pick another --port or --host.");
        assertThat(out.size()).isZero();
    }
}
