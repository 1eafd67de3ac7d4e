package io.authbench.emulator.routes;

import io.authbench.emulator.crypto.PasswordHasher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every API route the emulator serves. */
public final class Routes {
    private Routes() {}

    public static Router router(PasswordHasher hasher, Duration sessionDuration) {
        UserCreation creation = new UserCreation(hasher);
        List<Route> all = new ArrayList<>();
        all.addAll(new UserRoutes(creation).routes());
        all.addAll(new AccountRoutes(creation).routes());
        all.addAll(new SessionRoutes(hasher, sessionDuration).routes());
        return new Router(all);
    }
}
