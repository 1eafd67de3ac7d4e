package io.authbench.emulator.routes;

import io.authbench.emulator.http.ApiRequest;
import io.authbench.emulator.http.ApiResponse;
import io.authbench.emulator.model.ModelJson;
import io.authbench.emulator.model.User;
import io.authbench.emulator.ratelimit.RateLimitRule;
import java.util.List;

/** {@code POST /v1/account} (sign-up) and {@code GET /v1/account} (the signed-in user). */
final class AccountRoutes {
    private final UserCreation creation;

    AccountRoutes(UserCreation creation) {
        this.creation = creation;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/v1/account", "sessions.write", RateLimitRule.perIp(10), false, this::signUp),
                new Route("GET", "/v1/account", "account", null, false, this::get));
    }

    private ApiResponse signUp(RouteContext context) {
        ApiRequest request = context.request();
        String userId = Params.userId(request);
        String email = Params.email(request, true);
        String password = Params.password(request, true);
        String name = Params.name(request);
        User user = creation.create(context.project().store(), userId, email, null, password, name, context.now());
        return ApiResponse.json(201, ModelJson.account(user));
    }

    private ApiResponse get(RouteContext context) {
        return ApiResponse.json(200, ModelJson.account(context.caller().user()));
    }
}
