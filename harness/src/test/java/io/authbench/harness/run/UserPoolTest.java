package io.authbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.harness.flow.Flow;
import io.authbench.harness.flow.TestUser;
import io.authbench.harness.plan.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UserPoolTest {
    private static List<TestUser> users(String prefix, int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> new TestUser("id" + prefix + i, prefix + i + "@x.test", "pw", prefix + i))
                .toList();
    }

    private static Step step(Flow flow) {
        return new Step(flow, "loopback", 0, 0, Variant.SSR, false);
    }

    @Test
    void every_login_iteration_gets_a_user_of_its_own() {
        UserPool pool = UserPool.of(users("fresh", 3), users("shared", 1));
        List<TestUser> given = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            given.add(pool.next(Flow.LOGIN));
        }
        assertThat(given).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void set_up_sign_ins_share_a_user_at_most_eight_times_below_appwrites_limits_of_ten() {
        UserPool pool = UserPool.of(users("fresh", 0), users("shared", 2));
        List<TestUser> given = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            given.add(pool.next(Flow.LOGOUT));
        }
        assertThat(given.subList(0, 8)).containsOnly(given.get(0));
        assertThat(given.get(8)).isNotEqualTo(given.get(0));
    }

    @Test
    void the_guard_flow_needs_no_user() {
        assertThat(UserPool.of(List.of(), List.of()).next(Flow.GUARD)).isNull();
    }

    @Test
    void seeds_exactly_what_the_steps_use() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            steps.add(step(Flow.LOGIN));
        }
        for (int i = 0; i < 17; i++) {
            steps.add(step(Flow.REVISIT));
        }
        steps.add(step(Flow.GUARD));
        assertThat(UserPool.needed(steps)).containsExactly(5, 3);
        UserPool pool = UserPool.of(users("fresh", 5), users("shared", 3));
        steps.forEach(s -> pool.next(s.flow()));
        assertThatThrownBy(() -> pool.next(Flow.LOGIN)).hasMessageContaining("ran out of seeded users");
    }
}
