package io.authbench.reports.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.reports.golden.FourVariantResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
    @TempDir
    Path dir;

    private RunResults full() {
        return RunResults.start(
                        ResultsFixtures.run(), ResultsFixtures.environment(), List.of(ResultsFixtures.loopback()))
                .withLinks(List.of(new CalibratedLink(
                        "loopback",
                        NetworkLink.BROWSER_APPWRITE,
                        new LinkSettings(0, 0, 0),
                        0.21,
                        900_000_000L,
                        850_000_000L)))
                .withSamples(List.of(
                        ResultsFixtures.sample("ssr", 0, 0, 50.5),
                        ResultsFixtures.sample("csr", 0, 1, 80),
                        Sample.failed(
                                        "login",
                                        "csr",
                                        "loopback",
                                        1,
                                        0,
                                        ResultsFixtures.T0,
                                        "user-name not painted within 30 s",
                                        Metrics.builder()
                                                .set(Metric.REQUESTS, 4)
                                                .build())
                                .withScreenshots(List.of(new Screenshot(100, "filmstrip/a.png")))))
                .withIncidents(List.of(new Incident(ResultsFixtures.T0, "ssr-app", "exited with code 1")))
                .withCodeSize(List.of(new CodeSize("ssr", List.of("ssr-app/src/main/java/A.java"), 120)))
                .withJmh(List.of(new JmhResult(
                        "SsrBenchmark.dashboard",
                        "ssr",
                        "thrpt",
                        1,
                        2.5,
                        0.1,
                        "ops/ms",
                        Map.of("profile", "loopback"),
                        0.4,
                        null)))
                .withLoad(List.of(
                        new LoadStep(
                                "ssr",
                                "GET /dashboard",
                                100,
                                99.5,
                                3000,
                                0,
                                1.0,
                                2.0,
                                5.0,
                                9.0,
                                12.0,
                                null,
                                Map.of(),
                                Map.of(),
                                4.1,
                                0.9,
                                true,
                                null),
                        new LoadStep(
                                "ssr",
                                "GET /dashboard",
                                200,
                                150.0,
                                6000,
                                12,
                                1.0,
                                2.0,
                                5.0,
                                9.0,
                                12.0,
                                "server-bench/load-ssr-00200ps.hlog",
                                Map.of("refused", 10L, "timeout", 2L),
                                Map.of(
                                        "refused",
                                        "GET /dashboard: ConnectException",
                                        "timeout",
                                        "GET /dashboard: timed out"),
                                4.3,
                                null,
                                false,
                                "Stopped at 200/s because page views failed.")));
    }

    @Test
    void a_full_run_survives_a_write_read_round_trip_unchanged() {
        RunResults original = full();
        Path file = dir.resolve("results.json");
        ResultsJson.writeAtomically(original, file);

        assertThat(ResultsJson.read(file)).isEqualTo(original);
    }

    @Test
    void skipped_flows_and_what_the_checks_saw_survive_a_round_trip_and_are_absent_when_empty() {
        Run run = ResultsFixtures.run();
        RunConfig c = run.config();
        RunConfig skipping = new RunConfig(
                c.flows(),
                c.profiles(),
                c.pairs(),
                c.warmupPairs(),
                c.aaFlow(),
                c.timeoutsMs(),
                c.settings(),
                Map.of("navigate", "navigate needs selectors.profileLink, which target x does not give"));
        RunResults original = full().withRun(
                        new Run(run.id(), run.status(), null, run.startedAt(), null, run.seed(), run.quick(), skipping))
                .withSamples(List.of(ResultsFixtures.sample("ssr", 0, 0, 50.5)
                        .withChecks(Map.of("sessionCookie", "wa_session: HttpOnly, SameSite=Strict, Path=/"))));
        Path file = dir.resolve("results.json");
        ResultsJson.writeAtomically(original, file);

        RunResults read = ResultsJson.read(file);
        assertThat(read).isEqualTo(original);
        assertThat(read.run().config().flowsRun()).doesNotContain("navigate");
        assertThat(read.samples().get(0).checks())
                .containsEntry("sessionCookie", "wa_session: HttpOnly, SameSite=Strict, Path=/");
        assertThat(ResultsJson.toJson(full())).doesNotContain("skippedFlows").doesNotContain("\"checks\"");
    }

    @Test
    void a_four_variant_run_survives_a_round_trip_and_a_two_variant_file_has_no_variants_field() {
        RunResults original = FourVariantResults.run();
        Path file = dir.resolve("results.json");
        ResultsJson.writeAtomically(original, file);

        RunResults read = ResultsJson.read(file);
        assertThat(read).isEqualTo(original);
        assertThat(read.run().config().variants()).containsExactly("ssr", "csr", "next-ssr", "next-csr");
        assertThat(read.samples()).extracting(Sample::variant).contains(Variants.NEXT_SSR, Variants.NEXT_CSR);
        assertThat(read.cells()).extracting(CellSummary::variant).contains(Variants.NEXT_SSR, Variants.NEXT_CSR);
        assertThat(ResultsJson.toJson(full())).doesNotContain("\"variants\"");
        assertThat(ResultsJson.parse(ResultsJson.toJson(full()), "old.json")
                        .run()
                        .config()
                        .variantsRun())
                .containsExactly(Variants.SSR, Variants.CSR);
    }

    @Test
    void variant_labels_map_to_their_framework_and_pattern() {
        assertThat(Variants.framework("ssr")).isEqualTo("undertow");
        assertThat(Variants.framework("csr")).isEqualTo("undertow");
        assertThat(Variants.framework("ssr-a")).isEqualTo("undertow");
        assertThat(Variants.framework("ssr-b")).isEqualTo("undertow");
        assertThat(Variants.framework("next-ssr")).isEqualTo("nextjs");
        assertThat(Variants.framework("next-csr")).isEqualTo("nextjs");
        assertThat(Variants.pattern("next-ssr")).isEqualTo("ssr");
        assertThat(Variants.pattern("next-csr")).isEqualTo("csr");
        assertThat(Variants.pattern("csr")).isEqualTo("csr");
        assertThat(Variants.pattern("ssr-b")).isEqualTo("ssr");
    }

    @Test
    void unmeasured_metrics_are_absent_and_counts_are_written_as_integers() {
        String json = ResultsJson.toJson(full());

        assertThat(json)
                .contains("\"requests\" : 3,")
                .contains("\"bytes\" : 12345")
                .contains("\"timeToContentMs\" : 50.5");
        assertThat(json).doesNotContain("fcpMs").doesNotContain("null");
        assertThat(json)
                .contains("\"schema\" : \"authbench-results/1\"")
                .contains("\"status\" : \"running\"")
                .contains("\"link\" : \"browser-app\"");
    }

    @Test
    void load_steps_keep_errors_by_kind_cpu_per_view_and_the_stop_reason_and_unmeasured_cpu_stays_absent() {
        String json = ResultsJson.toJson(full());

        RunResults read = ResultsJson.parse(json, "load.json");

        LoadStep stopped = read.load().get(1);
        assertThat(stopped.errorsByKind()).containsExactly(Map.entry("refused", 10L), Map.entry("timeout", 2L));
        assertThat(stopped.firstErrors()).containsEntry("refused", "GET /dashboard: ConnectException");
        assertThat(stopped.appCpuMsPerView()).isEqualTo(4.3);
        assertThat(stopped.appwriteCpuMsPerView()).isNull();
        assertThat(stopped.sustained()).isFalse();
        assertThat(stopped.stopReason()).isEqualTo("Stopped at 200/s because page views failed.");
        assertThat(read.load().get(0).errorsByKind()).isEmpty();
        assertThat(json)
                .contains("\"errorsByKind\" : { }")
                .contains("\"appwriteCpuMsPerView\" : 0.9")
                .doesNotContain("\"appwriteCpuMsPerView\" : 0.0");
    }

    @Test
    void a_load_step_written_before_the_error_and_cpu_fields_reads_them_as_not_recorded() {
        String json = ResultsJson.toJson(full().withLoad(List.of()))
                .replace(
                        "\"load\" : [ ]",
                        "\"load\" : [ { \"variant\" : \"ssr\", \"target\" : \"GET /dashboard\","
                                + " \"offeredPerSecond\" : 100.0, \"achievedPerSecond\" : 99.5, \"requests\" : 3000,"
                                + " \"errors\" : 0, \"p50Ms\" : 1.0, \"p99Ms\" : 5.0 } ]");

        LoadStep old = ResultsJson.parse(json, "old.json").load().get(0);

        assertThat(old)
                .isEqualTo(LoadStep.latencyOnly(
                        "ssr", "GET /dashboard", 100, 99.5, 3000, 0, 1.0, null, 5.0, null, null, null));
        assertThat(old.errorsByKind()).isNull();
        assertThat(old.serverCpuMsPerView()).isEmpty();
    }

    @Test
    void the_time_to_content_method_survives_a_round_trip_and_older_samples_read_without_one() {
        RunResults results = full();
        List<Sample> samples = new ArrayList<>(results.samples());
        samples.set(0, samples.get(0).withTimeToContentMethod(Sample.OBSERVER));
        samples.set(
                1, samples.get(1).withTimeToContentMethod(Sample.ELEMENT_TIMING).asWarmup());
        String json = ResultsJson.toJson(results.withSamples(samples));

        RunResults read = ResultsJson.parse(json, "method.json");

        assertThat(json)
                .contains("\"timeToContentMethod\" : \"observer\"", "\"timeToContentMethod\" : \"element-timing\"");
        assertThat(read.samples().get(0).timeToContentMethod()).isEqualTo(Sample.OBSERVER);
        assertThat(read.samples().get(1).timeToContentMethod()).isEqualTo(Sample.ELEMENT_TIMING);
        assertThat(read.samples().get(1).warmup()).isTrue();
        assertThat(ResultsJson.parse(ResultsJson.toJson(results), "old.json").samples())
                .allSatisfy(s -> assertThat(s.timeToContentMethod()).isNull());
    }

    @Test
    void blocks_and_the_block_design_survive_a_round_trip_and_older_files_read_without_them() {
        RunResults results = full();
        List<Sample> samples = new ArrayList<>(results.samples());
        samples.set(0, samples.get(0).withBlock(0));
        samples.set(1, samples.get(1).withBlock(2));
        Run run = results.run();
        BlockDesign design = new BlockDesign(4, 3, 5, 0.1);
        RunResults blocked = results.withSamples(samples)
                .withRun(new Run(
                        run.id(),
                        run.status(),
                        run.statusReason(),
                        run.startedAt(),
                        run.finishedAt(),
                        run.seed(),
                        run.quick(),
                        run.config().withBlocks(design)));
        String json = ResultsJson.toJson(blocked);

        RunResults read = ResultsJson.parse(json, "blocks.json");

        assertThat(read).isEqualTo(blocked);
        assertThat(json).contains("\"block\" : 2", "\"minBlocks\" : 3", "\"precision\" : 0.1");
        assertThat(read.samples().get(1).blockIndex()).isEqualTo(2);
        assertThat(read.run().config().blockDesign()).isEqualTo(design);
        RunResults old = ResultsJson.parse(ResultsJson.toJson(results), "old.json");
        assertThat(ResultsJson.toJson(results)).doesNotContain("\"block\"", "\"blocks\"");
        assertThat(old.samples()).allSatisfy(s -> assertThat(s.blockIndex()).isEqualTo(-1));
        assertThat(old.run().config().blocks()).isNull();
        assertThat(old.run().config().blockDesign())
                .isEqualTo(BlockDesign.fixed(old.run().config().pairs()));
        assertThat(samples.get(2).withBlock(-1).block()).isNull();
    }

    @Test
    void the_csr_session_path_survives_a_round_trip_and_an_unknown_one_is_refused() {
        RunResults results = full();
        List<Sample> samples = new ArrayList<>(results.samples());
        samples.set(0, samples.get(0).withCsrSessionPath(Sample.FALLBACK_PATH));
        samples.set(1, samples.get(1).withCsrSessionPath(Sample.COOKIE_PATH).asWarmup());
        String json = ResultsJson.toJson(results.withSamples(samples));

        RunResults read = ResultsJson.parse(json, "path.json");

        assertThat(json).contains("\"csrSessionPath\" : \"fallback\"", "\"csrSessionPath\" : \"cookie\"");
        assertThat(read.samples().get(0).csrSessionPath()).isEqualTo(Sample.FALLBACK_PATH);
        assertThat(read.samples().get(1).csrSessionPath()).isEqualTo(Sample.COOKIE_PATH);
        assertThat(ResultsJson.parse(ResultsJson.toJson(results), "old.json").samples())
                .allSatisfy(s -> assertThat(s.csrSessionPath()).isNull());
        String bad = ResultsJson.toJson(results)
                .replaceFirst("\"ok\" : true", "\"ok\" : true, \"csrSessionPath\" : \"jwt\"");
        assertThatThrownBy(() -> ResultsJson.parse(bad, "bad.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("csrSessionPath must be \"cookie\" or \"fallback\"");
    }

    @Test
    void how_each_request_used_its_connection_survives_a_round_trip_and_older_requests_read_as_not_measured() {
        ObservedRequest handshake = request("/login", "h2", true, 0.4, 151.2, "TLS 1.3");
        ObservedRequest reused = request("/app.css", "h2", false, null, null, "TLS 1.3");
        ObservedRequest plain = request("/v1/account", "http/1.1", true, 150.5, null, null);
        Sample sample = Sample.ok(
                "login",
                "ssr",
                "loopback",
                0,
                0,
                ResultsFixtures.T0,
                Metrics.builder().set(Metric.TIME_TO_CONTENT_MS, 40).build(),
                List.of(handshake, reused, plain));
        RunResults results = full().withSamples(List.of(sample));
        String json = ResultsJson.toJson(results);

        RunResults read = ResultsJson.parse(json, "connections.json");

        assertThat(json)
                .contains(
                        "\"protocol\" : \"h2\"",
                        "\"newConnection\" : false",
                        "\"tlsMs\" : 151.2",
                        "\"tlsVersion\" : \"TLS 1.3\"");
        assertThat(read.samples().get(0).requests()).containsExactly(handshake, reused, plain);
        assertThat(read.samples().get(0).requests())
                .extracting(ObservedRequest::tlsHandshake)
                .containsExactly(true, false, false);
        // A request written before the fields existed (or one the browser said nothing about): not measured.
        String old = ResultsJson.toJson(full());
        assertThat(old).doesNotContain("\"protocol\"", "\"newConnection\"", "\"connectMs\"", "\"tlsVersion\"");
        assertThat(ResultsJson.parse(old, "old.json").samples().get(0).requests())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.connectionMeasured()).isFalse();
                    assertThat(r.protocol()).isNull();
                    assertThat(r.tlsHandshake()).isFalse();
                });
    }

    @Test
    void set_up_times_on_a_request_that_opened_no_connection_are_refused() {
        String json = ResultsJson.toJson(full().withSamples(List.of(Sample.ok(
                "login",
                "ssr",
                "loopback",
                0,
                0,
                ResultsFixtures.T0,
                Metrics.empty(),
                List.of(request("/a", "h2", false, null, null, "TLS 1.3"))))));
        String bad = json.replace("\"newConnection\" : false", "\"newConnection\" : false, \"tlsMs\" : 3.0");

        assertThatThrownBy(() -> ResultsJson.parse(bad, "bad.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("connectMs and tlsMs belong to a new connection");
    }

    private static ObservedRequest request(
            String path, String protocol, boolean newConnection, Double connectMs, Double tlsMs, String tlsVersion) {
        return new ObservedRequest(
                NetworkLink.BROWSER_APP,
                "GET",
                path,
                null,
                "Document",
                200,
                0.5,
                300.0,
                2048L,
                false,
                false,
                null,
                null,
                true,
                protocol,
                newConnection,
                connectMs,
                tlsMs,
                tlsVersion);
    }

    @Test
    void an_unknown_time_to_content_method_is_refused_with_the_allowed_values() {
        String json = ResultsJson.toJson(full())
                .replaceFirst("\"ok\" : true", "\"ok\" : true, \"timeToContentMethod\" : \"guess\"");

        assertThatThrownBy(() -> ResultsJson.parse(json, "bad.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("timeToContentMethod must be \"element-timing\" or \"observer\"");
    }

    @Test
    void metric_keys_from_a_newer_writer_are_kept_through_a_round_trip() {
        String json = ResultsJson.toJson(full()).replace("\"requests\" : 3,", "\"requests\" : 3, \"gpuMs\" : 7.5,");

        RunResults read = ResultsJson.parse(json, "new.json");

        assertThat(read.samples().get(0).metrics().unknown()).containsEntry("gpuMs", 7.5);
        assertThat(ResultsJson.toJson(read)).contains("\"gpuMs\" : 7.5");
    }

    @Test
    void per_iteration_server_cpu_keeps_every_sample_s_own_sub_millisecond_value_through_a_round_trip() {
        RunResults results = full();
        List<Sample> samples = new ArrayList<>(results.samples());
        double[] app = {2.718_281, 0.904_837};
        for (int i = 0; i < 2; i++) {
            samples.set(
                    i,
                    samples.get(i)
                            .withMetrics(samples.get(i).metrics().toBuilder()
                                    .set(Metric.APP_CPU_MS, app[i])
                                    .set(Metric.APPWRITE_CPU_MS, 0.000_5 * (i + 1))
                                    .set(Metric.APP_JIT_MS, 0.0)
                                    .build()));
        }
        Path file = dir.resolve("results.json");
        ResultsJson.writeAtomically(results.withSamples(samples), file);

        RunResults read = ResultsJson.read(file);

        for (int i = 0; i < 2; i++) {
            Metrics metrics = read.samples().get(i).metrics();
            assertThat(metrics.number(Metric.APP_CPU_MS)).hasValue(app[i]);
            assertThat(metrics.number(Metric.APPWRITE_CPU_MS)).hasValue(0.000_5 * (i + 1));
            assertThat(metrics.number(Metric.APP_JIT_MS))
                    .as("measured 0 stays 0, not absent")
                    .hasValue(0.0);
        }
        assertThat(read.samples().get(2).metrics().has(Metric.APP_CPU_MS))
                .as("not measured: absent")
                .isFalse();
    }

    @Test
    void the_batch_averages_of_older_files_are_kept_but_never_read_as_per_iteration_cpu() {
        String json =
                ResultsJson.toJson(full()).replace("\"requests\" : 3,", "\"requests\" : 3, \"serverCpuAppMs\" : 15.0,");

        RunResults read = ResultsJson.parse(json, "old.json");

        assertThat(read.samples().get(0).metrics().has(Metric.APP_CPU_MS)).isFalse();
        assertThat(read.samples().get(0).metrics().unknown()).containsEntry("serverCpuAppMs", 15.0);
    }

    @Test
    void a_missing_file_is_named_with_what_to_do() {
        Path file = dir.resolve("nope/results.json");

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(file + ": file not found.")
                .hasMessageContaining("mvn verify -Pbench");
    }

    @Test
    void an_empty_file_is_refused_as_empty() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "");

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(file + ": the file is empty");
    }

    @Test
    void a_truncated_file_is_reported_as_cut_off() throws Exception {
        String json = ResultsJson.toJson(full());
        Path file = Files.writeString(dir.resolve("results.json"), json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(file + ": the JSON ends early (truncated at line ");
    }

    @Test
    void text_that_is_not_json_is_refused_with_its_position() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "<html>oops</html>");

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(file + ": not valid JSON (")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void json_without_a_schema_is_not_taken_for_results() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"samples\": []}");

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessage(file + ": no \"schema\" field; this is not an AuthBench results file"
                        + " (expected \"schema\": \"authbench-results/1\").");
    }

    @Test
    void another_schema_version_is_refused_by_name() throws Exception {
        String json = ResultsJson.toJson(full()).replace("authbench-results/1", "authbench-results/9");
        Path file = Files.writeString(dir.resolve("results.json"), json);

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("schema \"authbench-results/9\" is not supported");
    }

    @Test
    void a_missing_run_section_is_named() throws Exception {
        Path file = Files.writeString(dir.resolve("results.json"), "{\"schema\": \"authbench-results/1\"}");

        assertThatThrownBy(() -> ResultsJson.read(file))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("\"run\" is missing");
    }

    @Test
    void a_bad_value_deep_inside_is_reported_with_its_path() {
        String json = ResultsJson.toJson(full()).replace("\"link\" : \"browser-app\"", "\"link\" : \"browser-moon\"");

        assertThatThrownBy(() -> ResultsJson.parse(json, "r.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(
                        "r.json: problem at samples[0].requests[0].link: 'browser-moon' is not one of:");
    }

    @Test
    void a_metric_of_the_wrong_type_is_refused() {
        String json =
                ResultsJson.toJson(full()).replace("\"timeToContentMs\" : 50.5", "\"timeToContentMs\" : \"fast\"");

        assertThatThrownBy(() -> ResultsJson.parse(json, "r.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("metric timeToContentMs must be a number");
    }

    @Test
    void a_failed_sample_without_a_reason_is_refused() {
        String json = ResultsJson.toJson(full()).replace("\"failure\" : \"user-name not painted within 30 s\",", "");

        assertThatThrownBy(() -> ResultsJson.parse(json, "r.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageContaining("samples[2]")
                .hasMessageContaining("a failed sample needs a failure reason");
    }

    @Test
    void a_null_sample_is_named_instead_of_a_bare_exception() {
        String json = ResultsJson.toJson(full()).replace("\"samples\" : [", "\"samples\" : [ null,");

        assertThatThrownBy(() -> ResultsJson.parse(json, "r.json"))
                .isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith("r.json: problem at ")
                .hasMessageEndingWith("a required value is missing or null.");
    }

    @Test
    void request_paths_with_a_query_string_are_refused_because_queries_may_carry_tokens() {
        assertThatThrownBy(() -> new ObservedRequest(
                        NetworkLink.BROWSER_APPWRITE,
                        "GET",
                        "/v1/account?secret=abc",
                        null,
                        "Fetch",
                        200,
                        0,
                        1.0,
                        10L,
                        false,
                        false,
                        null,
                        null,
                        true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("abc");
    }
}
