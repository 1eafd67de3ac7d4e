package io.authbench.harness.flow;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.PageProbe;
import io.authbench.harness.browser.Screencast;
import io.authbench.harness.browser.PageProbe.Timings;
import io.authbench.harness.browser.ServerTiming;
import io.authbench.harness.measure.CriticalPath;
import io.authbench.harness.measure.NetworkSummary;
import io.authbench.harness.apptarget.Target;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.NetworkLink;
import io.authbench.reports.results.ObservedRequest;
import io.authbench.support.process.ProcessCpu;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Runs one iteration of one flow against one app in a fresh browser context (DESIGN §3) and measures it
 * (DESIGN §6). Set-up steps (signing in before a logout, warming the cache before a revisit) are not measured; the
 * measured phase starts just before the user action and ends when the flow's content element is painted.
 *
 * <p>Not thread-safe: Playwright's Java API is single-threaded, and measurements must not overlap anyway.
 */
public final class FlowRunner {
    /** What {@code awaitOutcome} returns when the flow's content element showed up. */
    private static final String CONTENT = "content";

    private final Browser browser;
    private final IterationSettings settings;

    public FlowRunner(Browser browser, IterationSettings settings) {
        this.browser = browser;
        this.settings = settings;
    }

    /** Runs {@code flow}; never throws for a flow that goes wrong, it returns a failed outcome with the reason. */
    public IterationOutcome run(Flow flow, AppTarget app, TestUser user) {
        return run(flow, app, user, null);
    }

    /**
     * As {@link #run(Flow, AppTarget, TestUser)}, and, for the login flow, screencasts the measured page from before
     * it opens the login form until the content is measured; a good iteration's frames go to {@code frames}
     * (null: no screencast). Used for the report's filmstrip only: the screencast costs the browser some work.
     */
    public IterationOutcome run(Flow flow, AppTarget app, TestUser user, Consumer<List<Screencast.Frame>> frames) {
        Attempt attempt = new Attempt(flow, app, user);
        attempt.screencastWanted = frames != null && flow == Flow.LOGIN;
        IterationOutcome outcome;
        try {
            outcome = attempt.execute();
        } catch (FlowFailure e) {
            outcome = attempt.failed(e.getMessage());
        } catch (TimeoutError e) {
            outcome = attempt.failed("timed out (" + settings.timeoutMs() + " ms): " + firstLine(e.getMessage()));
        } catch (PlaywrightException e) {
            outcome = attempt.failed("browser error: " + firstLine(e.getMessage()));
        } finally {
            settings.links().applyProfile(); // links are shaped between iterations (calibration, probes)
            List<Screencast.Frame> captured = attempt.stopScreencast();
            attempt.close();
            if (frames != null) {
                frames.accept(captured);
            }
        }
        return outcome;
    }

    /** The target's selector of the element that ends {@code flow} ({@link Flow#contentElement()}). */
    static String contentSelector(Flow flow, Target target) {
        Target.Selectors selectors = target.selectors();
        return switch (flow.contentElement()) {
            case "user-name" -> selectors.userName();
            case "profile-name" -> selectors.profileName();
            case "login-heading" -> selectors.loginHeading();
            default -> throw new IllegalStateException("no selector for content element " + flow.contentElement());
        };
    }

    /** True if the content element of {@code flow} shows the user's name (else it is the login heading). */
    static boolean showsName(Flow flow) {
        return !flow.contentElement().equals("login-heading");
    }

    /** CPU milliseconds of {@code pid} so far (10 ms ticks: only batch sums mean something), empty if it is gone. */
    private static OptionalLong cpuMillis(long pid) {
        OptionalLong nanos = ProcessCpu.nanosOf(pid);
        return nanos.isPresent() ? OptionalLong.of(nanos.getAsLong() / 1_000_000L) : OptionalLong.empty();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        // Playwright wraps driver errors as "Error {\n  message='...'\n  name=...": the message line is the useful one.
        String line = message.strip().lines().map(String::strip).filter(l -> l.startsWith("message="))
                .map(l -> l.substring("message=".length()).replaceAll("^'", ""))
                .findFirst().orElseGet(() -> message.strip().lines().findFirst().orElse(""));
        return line.length() > 240 ? line.substring(0, 240) + "..." : line;
    }

    /** One iteration's state: its contexts, the measured phase's snapshots, the harness overhead. */
    private final class Attempt {
        private final Flow flow;
        private final AppTarget app;
        private final Target target;
        private final Target.Selectors selectors;
        private final Target.Routes routes;
        private final TestUser user;
        private final long deadline;
        private final List<BrowserContext> contexts = new ArrayList<>();
        private final java.util.Map<String, Long> overheadNanos = new java.util.LinkedHashMap<>();
        private double phaseStartEpoch = Double.NaN;
        private OptionalLong appCpuBefore = OptionalLong.empty();
        private OptionalLong appwriteCpuBefore = OptionalLong.empty();
        private long appwriteCallsBefore = -1;
        private Map<String, Double> perfBefore;
        private boolean screencastWanted;
        private Screencast screencast;
        /**
         * A target file's app that sent no Server-Timing in the measured phase: its Appwrite calls and their time are
         * unknown (absent, never 0). The bundled apps announce every call, so for them no entry means no call.
         */
        private boolean serverTimingUnknown;

        Attempt(Flow flow, AppTarget app, TestUser user) {
            this.flow = flow;
            this.app = app;
            this.target = app.target();
            this.selectors = target.selectors();
            this.routes = target.routes();
            this.user = user;
            this.deadline = System.nanoTime() + settings.timeoutMs() * 1_000_000L;
        }

        IterationOutcome execute() {
            settings.links().fullSpeed();
            return switch (flow) {
                case LOGIN -> {
                    MeasuredPage page = openPage(newContext(null, true));
                    if (screencastWanted) {
                        // Started before the form loads so it runs steadily (and has the pre-click frame) at the click.
                        screencast = timed("screencast", () -> Screencast.start(page.cdp));
                    }
                    startPhase(page, false);
                    page.page.navigate(target.url(routes.login()));
                    page.page.locator(selectors.submit()).waitFor();
                    page.page.fill(selectors.email(), user.email());
                    page.page.fill(selectors.password(), user.password());
                    perfBefore = timed("cdpMetrics", page::performanceMetrics);
                    // The login page loaded at full speed (set-up); the profile applies from the click.
                    applyProfile(page);
                    page.page.click(selectors.submit());
                    yield finish(page, true, true);
                }
                case REVISIT -> {
                    BrowserContext context = newContext(null, true);
                    signIn(context);
                    // Tab 1 loads the dashboard once, so the measured tab finds a warm HTTP cache.
                    Page first = context.newPage();
                    openDashboard(first);
                    MeasuredPage page = openPage(context);
                    startPhase(page, false);
                    page.page.navigate(target.url(routes.dashboard()));
                    yield finish(page, false, true);
                }
                case REVISIT_COLD -> {
                    BrowserContext context = newContext(null, true);
                    signIn(context);
                    MeasuredPage page = openPage(context);
                    startPhase(page, false);
                    page.page.navigate(target.url(routes.dashboard()));
                    yield finish(page, false, true);
                }
                case NAVIGATE -> {
                    BrowserContext context = newContext(null, true);
                    signIn(context);
                    MeasuredPage page = openPage(context);
                    openDashboard(page.page);
                    startPhase(page, true);
                    page.page.click(selectors.profileLink());
                    yield finish(page, true, true);
                }
                case GUARD -> {
                    MeasuredPage page = openPage(newContext(null, true));
                    startPhase(page, false);
                    page.page.navigate(target.url(routes.dashboard()));
                    yield finish(page, false, false);
                }
                case LOGOUT -> {
                    BrowserContext context = newContext(null, true);
                    signIn(context);
                    MeasuredPage page = openPage(context);
                    openDashboard(page.page);
                    startPhase(page, true);
                    page.page.click(selectors.logout());
                    yield finish(page, true, false);
                }
                case NO_JS -> noJavaScript();
            };
        }

        /** The no-js flow: fetch /dashboard with JavaScript off; the check is whether the name is in the HTML. */
        private IterationOutcome noJavaScript() {
            BrowserContext context = newContext(null, false);
            signIn(context);
            MeasuredPage page = openPage(context);
            startPhase(page, false);
            Response response = page.page.navigate(target.url(routes.dashboard()));
            double endEpoch = System.currentTimeMillis();
            Metrics.Builder metrics = Metrics.builder();
            addServerCpu(metrics);
            if (response == null || response.status() >= 400) {
                return failed("GET " + routes.dashboard() + " with JavaScript disabled answered "
                        + (response == null ? "nothing" : "HTTP " + response.status()), metrics.build());
            }
            if (page.page.locator(Selectors.UPSTREAM_ERROR).count() > 0) {
                return failed("the app showed its upstream-error message: Appwrite could not be reached or answered badly",
                        metrics.build());
            }
            var nameElement = page.page.locator(contentSelector(flow, target));
            boolean present = nameElement.count() > 0 && user.name().equals(nameElement.first().textContent().strip());
            metrics.set(Metric.CONTENT_WITHOUT_JS, present);
            double ttfb = response.request().timing().responseStart;
            if (ttfb >= 0) {
                metrics.set(Metric.TTFB_MS, ttfb);
            }
            serverTimingUnknown = noServerTiming(page.network.exchanges(), phaseStartEpoch, endEpoch);
            NetworkSummary network = NetworkSummary.of(page.network.exchanges(), settings.destinations(), phaseStartEpoch,
                    phaseStartEpoch, endEpoch);
            addNetwork(metrics, network);
            addServerSideCalls(metrics, network);
            return new IterationOutcome(true, null, Instant.ofEpochMilli((long) phaseStartEpoch), metrics.build(),
                    requests(page.network.exchanges(), phaseStartEpoch, endEpoch, CriticalPath.of(List.of(), 0, 0)),
                    overheadMs());
        }

        private BrowserContext newContext(String storageState, boolean javaScript) {
            return timed("newContext", () -> {
                Browser.NewContextOptions options = new Browser.NewContextOptions().setJavaScriptEnabled(javaScript);
                if (storageState != null) {
                    options.setStorageState(storageState);
                }
                BrowserContext context = browser.newContext(options);
                contexts.add(context);
                context.setDefaultTimeout(Math.max(1, remainingMs()));
                context.addInitScript(PageProbe.actionMarkScript(
                        List.of(selectors.submit(), selectors.profileLink(), selectors.logout())));
                // The observer fallback for content without elementtiming. Not for the bundled apps run built in: their
                // page contract has elementtiming, and the watcher's visibility checks on every DOM mutation would
                // add style and layout work to the very page loads being measured.
                if (!target.builtIn()) {
                    context.addInitScript(PageProbe.contentWatchScript(contentSelector(flow, target),
                            showsName(flow) && user != null ? user.name() : null));
                }
                return context;
            });
        }

        private MeasuredPage openPage(BrowserContext context) {
            return timed("newPageAndCdp", () -> MeasuredPage.open(context));
        }

        /**
         * Set-up sign-in (not measured): a session from the Users API, handed to the context as the cookie the
         * pattern's own sign-in sets — SSR: the target's session cookie (the bundled app's {@code authbench_session};
         * HttpOnly, SameSite=Lax, Path=/, host-only); CSR: Appwrite's session cookies as its Set-Cookie leaves them in a
         * browser ({@link AppwriteCookies}). An SSR target whose session cookie is unknown is signed in through its own
         * login form instead ({@link #signInThroughForm}).
         */
        private void signIn(BrowserContext context) {
            checkDeadline();
            if (app.ssr() && target.sessionCookie() == null) {
                signInThroughForm(context);
                return;
            }
            IssuedSession session = settings.sessions().issue(user);
            if (app.ssr()) {
                context.addCookies(List.of(new Cookie(target.sessionCookie(), session.value()).setUrl(origin(app.baseUrl()))
                        .setSameSite(SameSiteAttribute.LAX).setHttpOnly(true)
                        .setExpires(session.expire().getEpochSecond())));
            } else {
                context.addCookies(AppwriteCookies.forSession(settings.projectId(), settings.appwriteForBrowser(), session));
            }
        }

        /**
         * Set-up sign-in through the target's login form (not measured), in a context of its own with JavaScript on
         * and no instrumentation; the cookies it ends with are copied into {@code context}. For SSR targets whose
         * session cookie is not known: the harness cannot forge a session it does not know the form of.
         */
        private void signInThroughForm(BrowserContext context) {
            if (user.password() == null) {
                throw new FlowFailure("set-up: signing in through " + target.name() + "'s login form needs a user with a"
                        + " password, and this one has none (a bug: the engine seeds such users for SSR targets without"
                        + " a sessionCookie)");
            }
            BrowserContext signIn = timed("setUpSignIn", () -> browser.newContext());
            try {
                signIn.setDefaultTimeout(Math.max(1, remainingMs()));
                Page page = signIn.newPage();
                page.navigate(target.url(routes.login()));
                page.locator(selectors.submit()).waitFor();
                page.fill(selectors.email(), user.email());
                page.fill(selectors.password(), user.password());
                page.click(selectors.submit());
                String reached = awaitOutcome(page, selectors.userName());
                if (!reached.equals(CONTENT)) {
                    throw new FlowFailure("set-up sign-in through the login form failed: " + describeOutcome(page, reached));
                }
                context.addCookies(signIn.cookies());
            } finally {
                signIn.close();
            }
        }

        /** Set-up: opens the dashboard and checks that it shows the signed-in user. */
        private void openDashboard(Page page) {
            page.navigate(target.url(routes.dashboard()));
            String reached = awaitOutcome(page, selectors.userName());
            if (!reached.equals(CONTENT)) {
                throw new FlowFailure("set-up: the dashboard did not show the signed-in user: " + describeOutcome(page, reached));
            }
        }

        private void startPhase(MeasuredPage page, boolean sameDocumentAction) {
            checkDeadline();
            timed("snapshots", () -> {
                if (sameDocumentAction) {
                    PageProbe.clearAction(page.page);
                    perfBefore = page.performanceMetrics();
                }
                appCpuBefore = app.appPid() > 0 ? cpuMillis(app.appPid()) : OptionalLong.empty();
                appwriteCpuBefore = settings.appwritePid() > 0 ? cpuMillis(settings.appwritePid()) : OptionalLong.empty();
                appwriteCallsBefore = settings.emulatorStats() == null ? -1 : settings.emulatorStats().apiCalls();
                return null;
            });
            if (flow != Flow.LOGIN) {
                applyProfile(page); // login applies it at the click: its page load is set-up
            }
            phaseStartEpoch = System.currentTimeMillis();
        }

        /** From here on the page runs under the profile: its links' delays and bandwidth, its CPU slowdown. */
        private void applyProfile(MeasuredPage page) {
            settings.links().applyProfile();
            page.throttleCpu(settings.cpuSlowdown());
        }

        /** Waits for the content (or an error the app shows instead), reads every metric, checks correctness. */
        private IterationOutcome finish(MeasuredPage page, boolean clickAction, boolean expectSignedIn) {
            String identifier = flow.contentElement();
            String selector = contentSelector(flow, target);
            String reached = awaitOutcome(page.page, selector);
            Timings timings = null;
            if (reached.equals(CONTENT)) {
                timings = timed("probe", () -> PageProbe.measure(page.page, selector, clickAction, Math.max(1, remainingMs())));
            }
            Map<String, Double> perfAfter = timed("cdpMetrics", page::performanceMetrics);
            Metrics.Builder metrics = Metrics.builder();
            if (!reached.equals(CONTENT)) {
                addServerCpu(metrics);
                return failed("expected the " + identifier + " element (" + selector + ") but "
                        + describeOutcome(page.page, reached), metrics.build());
            }
            if (timings.contentPaint() == null) {
                addServerCpu(metrics);
                return failed(PageProbe.ELEMENT_TIMING.equals(timings.method())
                        ? "no Element Timing entry for the " + identifier + " element (" + selector + ") was painted after the action"
                        : "the " + identifier + " element (" + selector + ") has no elementtiming attribute, and the observer"
                                + " saw no frame after it showed the expected content following the action", metrics.build());
            }
            Double actionEpoch = clickAction ? timings.actionEpoch() : timings.timeOrigin();
            if (actionEpoch == null) {
                addServerCpu(metrics);
                return failed("the click that starts the flow was not recorded (sessionStorage unavailable?)", metrics.build());
            }
            double contentEpoch = timings.contentEpoch();
            metrics.set(Metric.TIME_TO_CONTENT_MS, contentEpoch - actionEpoch);
            addDocumentTimings(metrics, timings, actionEpoch);
            addClientCpu(metrics, perfAfter);
            List<Exchange> exchanges = page.network.exchanges();
            serverTimingUnknown = noServerTiming(exchanges, phaseStartEpoch, contentEpoch);
            NetworkSummary network = NetworkSummary.of(exchanges, settings.destinations(), phaseStartEpoch, actionEpoch, contentEpoch);
            addNetwork(metrics, network);
            addServerSideCalls(metrics, network);
            addServerCpu(metrics);
            CriticalPath path = CriticalPath.of(filterWindow(exchanges, phaseStartEpoch, contentEpoch), actionEpoch, contentEpoch);
            List<ObservedRequest> requests = requests(exchanges, actionEpoch, contentEpoch, path);
            Instant startedAt = Instant.ofEpochMilli(Math.round(actionEpoch));

            String sessionPath = app.ssr() ? null : CsrSessionPath.observe(page.page); // after the measured window
            Optional<String> problem = correctnessProblem(page, timings, expectSignedIn);
            if (problem.isPresent()) {
                return new IterationOutcome(false, problem.get(), startedAt, metrics.build(), requests, overheadMs(),
                        timings.method(), sessionPath);
            }
            return new IterationOutcome(true, null, startedAt, metrics.build(), requests, overheadMs(), timings.method(), sessionPath);
        }

        /** Expected name shown, no console errors, the session cookie as the pattern sets it (DESIGN §3). */
        private Optional<String> correctnessProblem(MeasuredPage page, Timings timings, boolean expectSignedIn) {
            if (showsName(flow)) {
                if (!user.name().equals(timings.contentText())) {
                    return Optional.of("expected the name '" + user.name() + "' but the page shows '" + timings.contentText() + "'");
                }
            }
            if (!page.consoleErrors.isEmpty()) {
                return Optional.of("console error: " + page.consoleErrors.get(0));
            }
            List<Cookie> cookies = timed("cookies", () -> contexts.get(contexts.size() - 1).cookies());
            return CookieCheck.problem(cookies, app.ssr(), target.sessionCookie(), settings.projectId(),
                    settings.appwriteForBrowser(), expectSignedIn);
        }

        private void addDocumentTimings(Metrics.Builder metrics, Timings t, double actionEpoch) {
            // A document that started before the action (CSR's same-document flows) has no timings of this action.
            if (t.timeOrigin() < actionEpoch - 1) {
                return;
            }
            double offset = t.timeOrigin() - actionEpoch;
            setIfPresent(metrics, Metric.TTFB_MS, t.ttfb(), offset);
            setIfPresent(metrics, Metric.FCP_MS, t.fcp(), offset);
            setIfPresent(metrics, Metric.LCP_MS, t.lcp(), offset);
            setIfPresent(metrics, Metric.DOM_CONTENT_LOADED_MS, t.domContentLoaded(), offset);
            setIfPresent(metrics, Metric.LOAD_MS, t.load(), offset);
        }

        private void setIfPresent(Metrics.Builder metrics, Metric metric, Double relative, double offset) {
            if (relative != null && relative > 0) {
                metrics.set(metric, relative + offset);
            }
        }

        /** Script and task time of the measured phase: the difference when the action stayed in one document. */
        private void addClientCpu(Metrics.Builder metrics, Map<String, Double> after) {
            Map<String, Double> before = perfBefore;
            boolean sameDocument = before != null && before.get("NavigationStart") != null
                    && before.get("NavigationStart").equals(after.get("NavigationStart"));
            for (var entry : Map.of(Metric.SCRIPT_MS, "ScriptDuration", Metric.TASK_MS, "TaskDuration").entrySet()) {
                Double value = after.get(entry.getValue());
                if (value != null) {
                    double seconds = sameDocument ? value - before.getOrDefault(entry.getValue(), 0.0) : value;
                    metrics.set(entry.getKey(), Math.max(0, seconds * 1000));
                }
            }
        }

        private void addNetwork(Metrics.Builder metrics, NetworkSummary n) {
            metrics.set(Metric.REQUESTS, n.requests()).set(Metric.BYTES, n.bytes())
                    .set(Metric.REQUESTS_APP, n.requestsApp()).set(Metric.BYTES_APP, n.bytesApp())
                    .set(Metric.REQUESTS_APPWRITE, n.requestsAppwrite()).set(Metric.BYTES_APPWRITE, n.bytesAppwrite())
                    .set(Metric.PREFLIGHTS, n.preflights()).set(Metric.REDIRECTS, n.redirects())
                    .set(Metric.SCRIPT_BYTES, n.scriptBytes())
                    .set(Metric.APPWRITE_CALLS_BROWSER, n.appwriteCallsBrowser())
                    .set(Metric.CRITICAL_PATH_DEPTH, n.criticalPathDepth())
                    .set(Metric.SERVER_TIMING_MS, serverTimingUnknown ? null : n.serverTimingMs())
                    .set(Metric.CACHEABLE_RESPONSES, n.cacheableResponses());
            if (flow == Flow.REVISIT) {
                metrics.set(Metric.WARM_REVISIT_BYTES, n.bytes());
            }
        }

        /** App→Appwrite calls: the emulator's counter difference minus the browser's own calls, else Server-Timing. */
        private void addServerSideCalls(Metrics.Builder metrics, NetworkSummary n) {
            long after = appwriteCallsBefore < 0 ? -1 : timed("snapshots", () -> settings.emulatorStats().apiCalls());
            if (appwriteCallsBefore >= 0 && after >= 0) {
                metrics.set(Metric.APPWRITE_CALLS_SERVER, Math.max(0, after - appwriteCallsBefore - n.appwriteCallsBrowser()));
            } else if (!serverTimingUnknown) {
                metrics.set(Metric.APPWRITE_CALLS_SERVER, n.appwriteCallsServer());
            }
        }

        /** True for a target file's app that sent no Server-Timing entry in the window (see serverTimingUnknown). */
        private boolean noServerTiming(List<Exchange> exchanges, double from, double to) {
            return !target.builtIn() && filterWindow(exchanges, from, to).stream()
                    .noneMatch(e -> settings.destinations().isApp(e) && !e.serverTiming().isEmpty());
        }

        /** Raw per-iteration CPU deltas (10 ms ticks); the engine replaces them by the cell's batch average. */
        private void addServerCpu(Metrics.Builder metrics) {
            if (appCpuBefore.isPresent()) {
                cpuMillis(app.appPid()).ifPresent(now -> metrics.set(Metric.SERVER_CPU_APP_MS, now - appCpuBefore.getAsLong()));
            }
            if (appwriteCpuBefore.isPresent()) {
                cpuMillis(settings.appwritePid()).ifPresent(
                        now -> metrics.set(Metric.SERVER_CPU_APPWRITE_MS, now - appwriteCpuBefore.getAsLong()));
            }
        }

        /**
         * Waits for the element {@code contentSelector}, or for one that says the app could not get there; returns
         * {@link #CONTENT}, {@code login-error} or {@code upstream-error}.
         */
        private String awaitOutcome(Page page, String contentSelector) {
            Map<String, String> candidates = outcomes(contentSelector);
            page.waitForSelector(String.join(", ", candidates.values()), new Page.WaitForSelectorOptions()
                    .setState(WaitForSelectorState.VISIBLE).setTimeout(Math.max(1, remainingMs())));
            for (Map.Entry<String, String> candidate : candidates.entrySet()) {
                if (page.locator(candidate.getValue()).first().isVisible()) {
                    return candidate.getKey();
                }
            }
            return CONTENT;
        }

        private Map<String, String> outcomes(String contentSelector) {
            Map<String, String> candidates = new java.util.LinkedHashMap<>();
            candidates.put(CONTENT, contentSelector);
            candidates.put("login-error", Selectors.LOGIN_ERROR);
            candidates.put("upstream-error", Selectors.UPSTREAM_ERROR);
            return candidates;
        }

        /** {@code reached}: {@code login-error} or {@code upstream-error}, as {@link #awaitOutcome} returned it. */
        private String describeOutcome(Page page, String reached) {
            String selector = reached.equals("login-error") ? Selectors.LOGIN_ERROR : Selectors.UPSTREAM_ERROR;
            String text = firstLine(page.locator(selector).first().textContent());
            return "the page shows " + reached + " ('" + text + "')";
        }

        private IterationOutcome failed(String reason) {
            Metrics.Builder metrics = Metrics.builder();
            if (!Double.isNaN(phaseStartEpoch)) {
                addServerCpu(metrics);
            }
            return failed(reason, metrics.build());
        }

        private IterationOutcome failed(String reason, Metrics partial) {
            Instant at = Double.isNaN(phaseStartEpoch) ? Instant.now() : Instant.ofEpochMilli((long) phaseStartEpoch);
            return IterationOutcome.failed(reason, at, partial, overheadMs());
        }

        private List<Exchange> filterWindow(List<Exchange> exchanges, double from, double to) {
            return exchanges.stream().filter(e -> e.startEpochMs() >= from - 1 && e.startEpochMs() <= to + 1).toList();
        }

        /** The waterfall: browser exchanges of the measured phase plus the app's Appwrite calls from Server-Timing. */
        private List<ObservedRequest> requests(List<Exchange> exchanges, double zeroEpoch, double endEpoch, CriticalPath path) {
            List<ObservedRequest> out = new ArrayList<>();
            for (Exchange e : filterWindow(exchanges, phaseStartEpoch, endEpoch)) {
                NetworkLink link = settings.destinations().isApp(e) ? NetworkLink.BROWSER_APP
                        : settings.destinations().isAppwrite(e) ? NetworkLink.BROWSER_APPWRITE : null;
                if (link == null) {
                    continue;
                }
                double start = e.startEpochMs() - zeroEpoch;
                Double end = e.finished() ? e.endEpochMs() - zeroEpoch : null;
                boolean critical = path.contains(e);
                String serverTimingHeader = e.serverTiming().isEmpty() ? null : String.join(", ",
                        e.serverTiming().stream().map(t -> t.name() + (Double.isNaN(t.durationMs()) ? "" : ";dur=" + t.durationMs())).toList());
                out.add(new ObservedRequest(link, e.method(), pathOf(e.url()), null, e.resourceType(),
                        e.status() == 0 ? null : e.status(), start, end, e.encodedBytes(), e.preflight(), e.fromCache(),
                        e.cacheControl(), serverTimingHeader, critical));
                double cursor = start;
                for (ServerTiming timing : e.serverTiming()) {
                    if (!timing.isAppwriteCall()) {
                        continue;
                    }
                    double duration = Double.isNaN(timing.durationMs()) ? 0 : timing.durationMs();
                    out.add(new ObservedRequest(NetworkLink.APP_APPWRITE, null, timing.name(), timing.name(), null, null,
                            cursor, cursor + duration, null, false, false, null, null, critical));
                    cursor += duration;
                }
            }
            return out;
        }

        /** {@code scheme://host:port/} of {@code url}: Playwright derives a host-only cookie with Path=/ from it. */
        private String origin(String url) {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
        }

        private String pathOf(String url) {
            try {
                String path = URI.create(url).getRawPath();
                return path == null || path.isEmpty() ? "/" : path;
            } catch (IllegalArgumentException e) {
                return "/";
            }
        }

        private long remainingMs() {
            return (deadline - System.nanoTime()) / 1_000_000L;
        }

        private void checkDeadline() {
            if (remainingMs() <= 0) {
                throw new FlowFailure("timed out (" + settings.timeoutMs() + " ms) during set-up");
            }
        }

        private java.util.Map<String, Double> overheadMs() {
            java.util.Map<String, Double> ms = new java.util.LinkedHashMap<>();
            overheadNanos.forEach((k, v) -> ms.put(k, v / 1e6));
            return ms;
        }

        /** Runs harness-only work (not something a user's browser would do) and books its time under {@code label}. */
        private <T> T timed(String label, java.util.function.Supplier<T> work) {
            long start = System.nanoTime();
            try {
                return work.get();
            } finally {
                overheadNanos.merge(label, System.nanoTime() - start, Long::sum);
            }
        }

        /** Ends the screencast, if one runs; after the measurement, so its cost is outside every measured time. */
        List<Screencast.Frame> stopScreencast() {
            if (screencast == null) {
                return List.of();
            }
            List<Screencast.Frame> frames = screencast.stop();
            screencast = null;
            return frames;
        }

        void close() {
            for (BrowserContext context : contexts) {
                try {
                    context.close();
                } catch (PlaywrightException ignored) {
                    // the browser may be gone; the engine notices and reports that separately
                }
            }
            contexts.clear();
        }
    }
}
