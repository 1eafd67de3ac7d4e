package io.authbench.harness.run;

import io.authbench.harness.flow.Flow;
import io.authbench.harness.flow.TestUser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Hands out the seeded users of one profile. A measured login always gets a user of its own
 * (docs/architecture.md#flows: a fresh user per login iteration). Flows that only sign in as set-up share users
 * (without passwords: their sessions come from the Users API), at most {@link #SIGN_INS_PER_SHARED_USER} sessions each:
 * below Appwrite's 10-session cap, so it never prunes a session a flow still uses.
 */
final class UserPool {
    static final int SIGN_INS_PER_SHARED_USER = 8;

    private final Deque<TestUser> fresh;
    private final Deque<TestUser> shared;
    private TestUser current;
    private int currentUses;

    private UserPool(List<TestUser> fresh, List<TestUser> shared) {
        this.fresh = new ArrayDeque<>(fresh);
        this.shared = new ArrayDeque<>(shared);
    }

    /** How many users {@code steps} need: one per login iteration plus one per eight set-up sign-ins. */
    static int[] needed(List<Step> steps) {
        int logins = (int) steps.stream().filter(s -> s.flow() == Flow.LOGIN).count();
        int setUps = (int) steps.stream()
                .filter(s -> s.flow() != Flow.LOGIN && s.flow().needsUser())
                .count();
        return new int[] {logins, (setUps + SIGN_INS_PER_SHARED_USER - 1) / SIGN_INS_PER_SHARED_USER};
    }

    static UserPool of(List<TestUser> fresh, List<TestUser> shared) {
        return new UserPool(fresh, shared);
    }

    /** The user for {@code flow}, or null if it needs none. */
    TestUser next(Flow flow) {
        if (!flow.needsUser()) {
            return null;
        }
        if (flow == Flow.LOGIN) {
            return take(fresh);
        }
        if (current == null || currentUses == SIGN_INS_PER_SHARED_USER) {
            current = take(shared);
            currentUses = 0;
        }
        currentUses++;
        return current;
    }

    private static TestUser take(Deque<TestUser> users) {
        TestUser user = users.poll();
        if (user == null) {
            throw new IllegalStateException("ran out of seeded users; the engine seeds too few (a bug)");
        }
        return user;
    }
}
