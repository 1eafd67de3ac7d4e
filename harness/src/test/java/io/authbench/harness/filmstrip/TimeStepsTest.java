package io.authbench.harness.filmstrip;

import static org.assertj.core.api.Assertions.assertThat;

import io.authbench.harness.browser.Screencast.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeStepsTest {
    @Test
    void steps_start_at_zero_and_reach_the_slower_content_time_in_at_most_ten_steps() {
        assertThat(TimeSteps.forContentAt(430))
                .containsExactly(0.0, 50.0, 100.0, 150.0, 200.0, 250.0, 300.0, 350.0, 400.0, 450.0);
        assertThat(TimeSteps.forContentAt(2_300))
                .containsExactly(0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0, 1500.0, 1750.0, 2000.0, 2250.0, 2500.0);
        assertThat(TimeSteps.forContentAt(12)).containsExactly(0.0, 50.0);
    }

    @Test
    void the_frame_on_screen_is_the_last_one_swapped_at_or_before_the_step() {
        Frame before = new Frame(990, "a");
        Frame early = new Frame(1_040, "b");
        Frame later = new Frame(1_300, "c");
        List<Frame> frames = List.of(before, early, later);

        assertThat(TimeSteps.onScreen(frames, 1_000, 0)).isSameAs(before);
        assertThat(TimeSteps.onScreen(frames, 1_000, 40)).isSameAs(early);
        assertThat(TimeSteps.onScreen(frames, 1_000, 299)).isSameAs(early);
        assertThat(TimeSteps.onScreen(frames, 1_000, 300)).isSameAs(later);
        assertThat(TimeSteps.onScreen(frames, 2_000, 0)).isSameAs(later);
        assertThat(TimeSteps.onScreen(List.of(later), 1_000, 100))
                .as("nothing shown yet")
                .isNull();
    }
}
