package io.authbench.harness.filmstrip;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.browser.Screencast.Frame;
import io.authbench.reports.results.LinkSettings;
import io.authbench.reports.results.ProfileInfo;
import io.authbench.reports.results.Screenshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilmstripRecorderTest {
    @TempDir
    Path runFolder;

    static ProfileInfo profile(String name, double rttMs, long downBitsPerSecond) {
        LinkSettings link = new LinkSettings(rttMs, downBitsPerSecond, downBitsPerSecond);
        return new ProfileInfo(name, name, link, link, link, 1);
    }

    static List<Frame> frames(double actionEpochMs, String... images) {
        // one frame just before the action, then one every 100 ms
        return IntStream.range(0, images.length)
                .mapToObj(i -> new Frame(
                        actionEpochMs - 5 + i * 100.0, Base64.getEncoder().encodeToString(images[i].getBytes())))
                .toList();
    }

    @Test
    void the_filmstrip_profile_is_the_one_the_report_calls_slowest() {
        List<ProfileInfo> profiles = List.of(
                profile("loopback", 0, 0), profile("slow-4g", 150, 1_600_000), profile("cable", 28, 50_000_000));

        assertThat(FilmstripRecorder.plan(profiles, List.of("login", "guard"), 3))
                .map(FilmstripRecorder::profile)
                .hasValue("slow-4g");
        assertThat(FilmstripRecorder.plan(profiles, List.of("guard"), 3))
                .as("no login flow")
                .isEmpty();
        assertThat(FilmstripRecorder.plan(profiles, List.of("login"), 0))
                .as("no measured pairs")
                .isEmpty();
    }

    @Test
    void only_measured_ssr_and_csr_logins_on_that_profile_are_screencast() {
        FilmstripRecorder recorder = new FilmstripRecorder("slow-4g");

        assertThat(recorder.captures("login", "slow-4g", "ssr", false)).isTrue();
        assertThat(recorder.captures("login", "slow-4g", "csr", false)).isTrue();
        assertThat(recorder.captures("login", "slow-4g", "csr", true))
                .as("warm-up")
                .isFalse();
        assertThat(recorder.captures("login", "slow-4g", "ssr-a", false))
                .as("A/A")
                .isFalse();
        assertThat(recorder.captures("login", "cable", "ssr", false)).isFalse();
        assertThat(recorder.captures("guard", "slow-4g", "ssr", false)).isFalse();
    }

    @Test
    void only_the_median_pair_is_written_with_both_variants_on_the_same_time_steps() throws Exception {
        FilmstripRecorder recorder = new FilmstripRecorder("slow-4g");
        // pair times to content (mean of ssr and csr): pair 0 → 300, pair 1 → 150, pair 2 → 500; median is pair 0
        recorder.add(0, "ssr", 10_000, 250, frames(10_000, "s0-a", "s0-b", "s0-c"));
        recorder.add(0, "csr", 20_000, 350, frames(20_000, "c0-a", "c0-b", "c0-c", "c0-d"));
        recorder.add(1, "ssr", 30_000, 100, frames(30_000, "s1-a", "s1-b"));
        recorder.add(1, "csr", 40_000, 200, frames(40_000, "c1-a", "c1-b"));
        recorder.add(2, "ssr", 50_000, 400, frames(50_000, "s2-a"));
        recorder.add(2, "csr", 60_000, 600, frames(60_000, "c2-a"));
        recorder.add(3, "ssr", 70_000, 300, frames(70_000, "s3-a")); // its csr failed: not a candidate

        Optional<FilmstripRecorder.Selection> chosen = recorder.finishCell(runFolder);

        assertThat(chosen).isPresent();
        assertThat(chosen.get().pair()).isZero();
        List<Screenshot> ssr = chosen.get().screenshots().get("ssr");
        List<Screenshot> csr = chosen.get().screenshots().get("csr");
        assertThat(ssr)
                .extracting(Screenshot::atMs)
                .containsExactly(0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0);
        assertThat(csr)
                .extracting(Screenshot::atMs)
                .containsExactlyElementsOf(ssr.stream().map(Screenshot::atMs).toList());
        assertThat(Files.readString(runFolder.resolve(ssr.get(0).file()))).isEqualTo("s0-a");
        assertThat(Files.readString(runFolder.resolve(ssr.get(2).file()))).isEqualTo("s0-b");
        assertThat(Files.readString(runFolder.resolve(csr.get(7).file()))).isEqualTo("c0-d");
        assertThat(ssr.get(0).file())
                .as("the same frame shares one file")
                .isEqualTo(ssr.get(1).file());
        try (var written = Files.list(runFolder.resolve("filmstrip"))) {
            assertThat(written.map(p -> p.getFileName().toString()))
                    .as("3 distinct ssr frames and 4 csr frames of pair 0, nothing of the other pairs")
                    .hasSize(7)
                    .allMatch(name -> name.startsWith("login.slow-4g.") && name.endsWith(".jpg"));
        }
        assertThat(recorder.finishCell(runFolder))
                .as("frames are forgotten once the cell is done")
                .isEmpty();
    }

    @Test
    void a_profile_name_from_a_user_file_cannot_leave_the_filmstrip_folder() {
        assertThat(FilmstripRecorder.safe("../x y/z")).isEqualTo("___x_y_z");
    }
}
