package io.authbench.emulator.routes;

import io.authbench.emulator.crypto.PasswordHasher;
import io.authbench.emulator.http.ApiRequest;
import io.authbench.emulator.http.ApiResponse;
import io.authbench.emulator.http.AppwriteException;
import io.authbench.emulator.http.ErrorType;
import io.authbench.emulator.model.ModelJson;
import io.authbench.emulator.model.ModelJson.SecretView;
import io.authbench.emulator.model.User;
import java.util.List;

/** The Users API subset (API key only): create (also with an argon2 hash), get and delete users, list and delete their sessions. */
final class UserRoutes {
    private final UserCreation creation;

    UserRoutes(UserCreation creation) {
        this.creation = creation;
    }

    List<Route> routes() {
        return List.of(
                new Route("POST", "/v1/users", "users.write", null, false, this::create),
                new Route("POST", "/v1/users/argon2", "users.write", null, false, this::createArgon2),
                new Route("GET", "/v1/users/:userId", "users.read", null, false, this::get),
                new Route("DELETE", "/v1/users/:userId", "users.write", null, false, this::delete),
                new Route("GET", "/v1/users/:userId/sessions", "users.read", null, false, this::listSessions),
                new Route("DELETE", "/v1/users/:userId/sessions", "users.write", null, false, this::deleteSessions));
    }

    private ApiResponse create(RouteContext context) {
        ApiRequest request = context.request();
        // Utopia validates parameters in declaration order: userId, email, phone, password, name.
        String userId = Params.userId(request);
        String email = Params.email(request, false);
        String phone = Params.phone(request);
        String password = Params.password(request, false);
        String name = Params.name(request);
        User user = creation.create(context.project().store(), userId, email, phone, password, name, context.now());
        return ApiResponse.json(201, ModelJson.user(user));
    }

    /** Appwrite 1.6 {@code createArgon2User}: userId, email (required), password = the argon2 hash, name. */
    private ApiResponse createArgon2(RouteContext context) {
        ApiRequest request = context.request();
        String userId = Params.userId(request);
        String email = Params.email(request, true);
        String hash = Params.password(request, true); // Appwrite checks it with its Password validator only
        if (PasswordHasher.costExceedsBound(hash)) {
            // Not an Appwrite check (it has none): refused in the shape Appwrite gives any invalid parameter.
            throw AppwriteException.invalidParam("password", PasswordHasher.COST_BOUND_DESCRIPTION);
        }
        String name = Params.name(request);
        User user = creation.createWithArgon2Hash(context.project().store(), userId, email, hash, name, context.now());
        return ApiResponse.json(201, ModelJson.user(user));
    }

    private ApiResponse get(RouteContext context) {
        return ApiResponse.json(200, ModelJson.user(existingUser(context)));
    }

    private ApiResponse delete(RouteContext context) {
        if (!context.project().store().deleteUser(context.request().pathParam("userId"))) {
            throw new AppwriteException(ErrorType.USER_NOT_FOUND);
        }
        return ApiResponse.noContent();
    }

    private ApiResponse listSessions(RouteContext context) {
        User user = existingUser(context);
        // For API keys `secret` is the stored SHA-256 (the sensitive rule lets keys see it); none is "current".
        return ApiResponse.json(
                200, ModelJson.sessionList(context.project().store().sessionsOf(user.id()), null, SecretView.SHOWN));
    }

    private ApiResponse deleteSessions(RouteContext context) {
        User user = existingUser(context);
        context.project().store().deleteSessionsOf(user.id());
        return ApiResponse.noContent();
    }

    private static User existingUser(RouteContext context) {
        return context.project()
                .store()
                .userById(context.request().pathParam("userId"))
                .orElseThrow(() -> new AppwriteException(ErrorType.USER_NOT_FOUND));
    }
}
