package io.authbench.emulator.routes;

import io.authbench.emulator.auth.Caller;
import io.authbench.emulator.auth.Project;
import io.authbench.emulator.http.ApiRequest;
import java.time.Instant;

/** What a route action gets once every check has passed. */
public record RouteContext(ApiRequest request, Caller caller, Project project, Instant now) {}
