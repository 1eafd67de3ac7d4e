package io.authbench.harness.flow;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.Cookie;
import io.authbench.harness.apptarget.Target;
import io.authbench.harness.browser.Exchange;
import io.authbench.harness.browser.PageProbe;
import io.authbench.harness.browser.PageProbe.Timings;
import io.authbench.harness.browser.Screencast;
import io.authbench.harness.check.ContentWithoutJs;
import io.authbench.harness.check.CookieCheck;
import io.authbench.harness.check.FallbackCheck;
import io.authbench.harness.check.NameCheck;
import io.authbench.harness.check.Quote;
import io.authbench.harness.measure.Counters;
import io.authbench.harness.measure.CriticalPath;
import io.authbench.harness.measure.IterationMetrics;
import io.authbench.harness.measure.NetworkSummary;
import io.authbench.harness.measure.Waterfall;
import io.authbench.reports.results.Metric;
import io.authbench.reports.results.Metrics;
import io.authbench.reports.results.ObservedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs one iteration of one flow against one app in a fresh browser context and measures it. Set-up steps (signing
 * in before a logout, warming the cache before a revisit; {@link SetUpSignIn}) are not measured; the measured phase
 * starts just before the user action and ends when the flow's content element is painted ({@link OutcomeWait} waits
 * for it, {@link PageProbe} reads its paint, {@link IterationMetrics} turns that into time to content and the other
 * metrics, {@link Waterfall} lists the requests, {@link Counters} gives the server-side deltas).
 *
 * <p>Not thread-safe: Playwright's Java API is single-threaded, and measurements must not overlap anyway.
 */
public final class FlowRunner {
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
            Optional<String> unsupported = flow.unsupportedReason(app.target());
            outcome = unsupported.isPresent() ? attempt.failed("cannot run: " + unsupported.get()) : attempt.execute();
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

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        // Playwright wraps driver errors as "Error {\n  message='...'\n  name=...": the message line is the useful one.
        String line = message.strip()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("message="))
                .map(l -> l.substring("message=".length()).replaceAll("^'", ""))
                .findFirst()
                .orElseGet(() -> message.strip().lines().findFirst().orElse(""));
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
        private final IterationBudget budget;
        private final OutcomeWait outcomes;
        private final SetUpSignIn setUp;
        /** The content element, for messages: "the user-name element (h1.greeting)". */
        private final String element;

        private final List<BrowserContext> contexts = new ArrayList<>();
        /** What the checks saw, for the sample ({@code sessionCookie}, {@code contentWithoutJs}). */
        private final Map<String, String> checks = new LinkedHashMap<>();

        private double phaseStartEpoch = Double.NaN;
        private Counters countersBefore = Counters.NONE;
        private Map<String, Double> perfBefore;
        private boolean screencastWanted;
        private Screencast screencast;

        Attempt(Flow flow, AppTarget app, TestUser user) {
            this.flow = flow;
            this.app = app;
            this.target = app.target();
            this.selectors = target.selectors();
            this.routes = target.routes();
            this.user = user;
            this.budget = new IterationBudget(settings.timeoutMs());
            this.outcomes = new OutcomeWait(target);
            this.setUp = new SetUpSignIn(browser, settings, app, outcomes, budget);
            String selector = flow.unsupportedReason(target).isPresent() ? null : contentSelector(flow, target);
            this.element = "the " + flow.contentElement() + " element (" + selector + ")";
        }

        IterationOutcome execute() {
            settings.links().fullSpeed();
            return switch (flow) {
                case LOGIN -> {
                    MeasuredPage page = openPage(newContext(true));
                    if (screencastWanted) {
                        // Started before the form loads so it runs steadily (and has the pre-click frame) at the click.
                        screencast = budget.timed("screencast", () -> Screencast.start(page.cdp));
                    }
                    startPhase(page, false);
                    page.page.navigate(target.url(routes.login()));
                    page.page.locator(selectors.submit()).waitFor();
                    page.page.fill(selectors.email(), user.email());
                    page.page.fill(selectors.password(), user.password());
                    perfBefore = budget.timed("cdpMetrics", page::performanceMetrics);
                    // The login page loaded at full speed (set-up); the profile applies from the click.
                    applyProfile(page);
                    long since = page.documents.mark();
                    page.page.click(selectors.submit());
                    yield finish(page, since, true, true);
                }
                case REVISIT -> {
                    BrowserContext context = newContext(true);
                    setUp.signIn(context, user);
                    // Tab 1 loads the dashboard once, so the measured tab finds a warm HTTP cache.
                    Page first = context.newPage();
                    setUp.openDashboard(first, DocumentResponses.attach(first));
                    yield openDashboardMeasured(context);
                }
                case REVISIT_COLD -> {
                    BrowserContext context = newContext(true);
                    setUp.signIn(context, user);
                    yield openDashboardMeasured(context);
                }
                case NAVIGATE -> clickOnDashboard(selectors.profileLink(), true);
                case GUARD -> {
                    MeasuredPage page = openPage(newContext(true));
                    startPhase(page, false);
                    long since = page.documents.mark();
                    page.page.navigate(target.url(routes.dashboard()));
                    yield finish(page, since, false, false);
                }
                case LOGOUT -> clickOnDashboard(selectors.logout(), false);
                case NO_JS -> noJavaScript();
            };
        }

        /** Revisit flows: a signed-in context opens the dashboard (the measured navigation). */
        private IterationOutcome openDashboardMeasured(BrowserContext context) {
            MeasuredPage page = openPage(context);
            startPhase(page, false);
            long since = page.documents.mark();
            page.page.navigate(target.url(routes.dashboard()));
            return finish(page, since, false, true);
        }

        /** Navigate and logout: signed in on the dashboard (set-up), the measured action is a click on {@code control}. */
        private IterationOutcome clickOnDashboard(String control, boolean expectSignedIn) {
            BrowserContext context = newContext(true);
            setUp.signIn(context, user);
            MeasuredPage page = openPage(context);
            setUp.openDashboard(page.page, page.documents);
            startPhase(page, true);
            long since = page.documents.mark();
            page.page.click(control);
            return finish(page, since, true, expectSignedIn);
        }

        /**
         * The no-js flow: fetch the dashboard with JavaScript off; is the name in the HTML? Judged by
         * {@link ContentWithoutJs}: a page it cannot judge leaves the metric not measured, with the reason.
         */
        private IterationOutcome noJavaScript() {
            BrowserContext context = newContext(false);
            setUp.signIn(context, user);
            MeasuredPage page = openPage(context);
            startPhase(page, false);
            Response response = page.page.navigate(target.url(routes.dashboard()));
            double endEpoch = System.currentTimeMillis();
            Counters countersAfter = readCounters();
            Metrics.Builder metrics = Metrics.builder();
            countersAfter.addCpuSince(countersBefore, metrics, checks);
            if (response == null || response.status() >= 400) {
                return failed(
                        "GET " + routes.dashboard() + " with JavaScript disabled answered "
                                + (response == null
                                        ? "nothing"
                                        : "HTTP " + response.status() + " (" + OutcomeWait.shows(page.page) + ")"),
                        metrics.build());
            }
            String upstream = Selectors.UPSTREAM_ERROR
                    + (selectors.upstreamError() == null ? "" : ", " + selectors.upstreamError());
            if (page.page.locator(upstream).count() > 0) {
                return failed(
                        "the app showed its upstream-error message ("
                                + Quote.of(page.page.locator(upstream).first().textContent())
                                + "): Appwrite could not be reached or answered badly",
                        metrics.build());
            }
            var nameElement = page.page.locator(selectors.userName());
            String shown = nameElement.count() > 0 ? nameElement.first().textContent() : null;
            String html;
            try {
                html = response.text();
            } catch (PlaywrightException e) {
                html = null;
            }
            ContentWithoutJs judged = ContentWithoutJs.judge(target.nameMatch(), user.name(), element, shown, html);
            if (judged.present() != null) {
                metrics.set(Metric.CONTENT_WITHOUT_JS, judged.present());
            }
            checks.put(Metric.CONTENT_WITHOUT_JS.key(), judged.note());
            double ttfb = response.request().timing().responseStart;
            if (ttfb >= 0) {
                metrics.set(Metric.TTFB_MS, ttfb);
            }
            List<Exchange> exchanges = page.network.exchanges();
            boolean serverTimingUnknown = IterationMetrics.serverTimingUnknown(
                    exchanges, settings.destinations(), phaseStartEpoch, endEpoch, target.builtIn());
            NetworkSummary network =
                    NetworkSummary.of(exchanges, settings.destinations(), phaseStartEpoch, phaseStartEpoch, endEpoch);
            IterationMetrics.addNetwork(metrics, network, serverTimingUnknown, false);
            IterationMetrics.addServerSideCalls(
                    metrics,
                    network,
                    countersAfter.serverSideCallsSince(countersBefore, network.appwriteCallsBrowser()),
                    serverTimingUnknown);
            return new IterationOutcome(
                    true,
                    null,
                    Instant.ofEpochMilli((long) phaseStartEpoch),
                    metrics.build(),
                    Waterfall.of(
                            exchanges,
                            settings.destinations(),
                            phaseStartEpoch,
                            phaseStartEpoch,
                            endEpoch,
                            CriticalPath.of(List.of(), 0, 0)),
                    budget.overheadMs(),
                    null,
                    checks,
                    null);
        }

        private BrowserContext newContext(boolean javaScript) {
            return budget.timed("newContext", () -> {
                BrowserContext context =
                        browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(javaScript));
                contexts.add(context);
                context.setDefaultTimeout(budget.remainingMs());
                context.addInitScript(PageProbe.actionMarkScript(
                        Stream.of(selectors.submit(), selectors.profileLink(), selectors.logout())
                                .filter(Objects::nonNull)
                                .toList()));
                // The observer fallback for content without elementtiming. Not for the bundled apps run built in: their
                // page contract has elementtiming, and the watcher's visibility checks on every DOM mutation would
                // add style and layout work to the very page loads being measured.
                if (!target.builtIn()) {
                    context.addInitScript(
                            showsName(flow) && user != null
                                    ? PageProbe.contentWatchScript(
                                            contentSelector(flow, target),
                                            target.nameMatch().mode().code(),
                                            target.nameMatch().expected(user.name()))
                                    : PageProbe.contentWatchScript(contentSelector(flow, target), null, null));
                }
                return context;
            });
        }

        private MeasuredPage openPage(BrowserContext context) {
            return budget.timed("newPageAndCdp", () -> MeasuredPage.open(context));
        }

        private Counters readCounters() {
            return budget.timed(
                    "snapshots",
                    () -> Counters.read(
                            app.appPid(),
                            settings.appwritePid(),
                            settings.emulatorStats() == null ? null : settings.emulatorStats()::apiCalls));
        }

        private void startPhase(MeasuredPage page, boolean sameDocumentAction) {
            budget.checkDeadline();
            if (sameDocumentAction) {
                budget.timed("snapshots", () -> {
                    PageProbe.clearAction(page.page);
                    perfBefore = page.performanceMetrics();
                    return null;
                });
            }
            countersBefore = readCounters();
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

        /**
         * Waits for the content (or an error the app shows instead, or an error document received after
         * {@code since}), reads every metric, checks correctness.
         */
        private IterationOutcome finish(MeasuredPage page, long since, boolean clickAction, boolean expectSignedIn) {
            String selector = contentSelector(flow, target);
            OutcomeWait.Outcome reached =
                    outcomes.await(page.page, page.documents, since, selector, element, !showsName(flow), budget);
            Timings timings = null;
            if (reached.content()) {
                timings = budget.timed(
                        "probe", () -> PageProbe.measure(page.page, selector, clickAction, budget.remainingMs()));
            }
            Map<String, Double> perfAfter = budget.timed("cdpMetrics", page::performanceMetrics);
            Counters countersAfter = readCounters();
            Metrics.Builder metrics = Metrics.builder();
            countersAfter.addCpuSince(countersBefore, metrics, checks);
            if (!reached.content()) {
                return failed("expected " + element + " but " + reached.description(), metrics.build());
            }
            if (timings.contentPaint() == null) {
                return failed(
                        PageProbe.ELEMENT_TIMING.equals(timings.method())
                                ? "no Element Timing entry for " + element + " was painted after the action"
                                : element
                                        + " has no elementtiming attribute, and the observer saw no frame after it showed the"
                                        + " expected content following the action"
                                        + nameProblem(timings)
                                                .map(p -> " (" + p + ")")
                                                .orElse(""),
                        metrics.build());
            }
            Double actionEpoch = clickAction ? timings.actionEpoch() : timings.timeOrigin();
            if (actionEpoch == null) {
                return failed(
                        "the click that starts the flow was not recorded (sessionStorage unavailable?)",
                        metrics.build());
            }
            double contentEpoch = timings.contentEpoch();
            metrics.set(Metric.TIME_TO_CONTENT_MS, IterationMetrics.timeToContent(actionEpoch, contentEpoch));
            IterationMetrics.addDocumentTimings(metrics, timings, actionEpoch);
            IterationMetrics.addClientCpu(metrics, perfBefore, perfAfter);
            List<Exchange> exchanges = page.network.exchanges();
            boolean serverTimingUnknown = IterationMetrics.serverTimingUnknown(
                    exchanges, settings.destinations(), phaseStartEpoch, contentEpoch, target.builtIn());
            NetworkSummary network =
                    NetworkSummary.of(exchanges, settings.destinations(), phaseStartEpoch, actionEpoch, contentEpoch);
            IterationMetrics.addNetwork(metrics, network, serverTimingUnknown, flow == Flow.REVISIT);
            IterationMetrics.addServerSideCalls(
                    metrics,
                    network,
                    countersAfter.serverSideCallsSince(countersBefore, network.appwriteCallsBrowser()),
                    serverTimingUnknown);
            CriticalPath path = CriticalPath.of(
                    Waterfall.inWindow(exchanges, phaseStartEpoch, contentEpoch), actionEpoch, contentEpoch);
            List<ObservedRequest> requests =
                    Waterfall.of(exchanges, settings.destinations(), phaseStartEpoch, actionEpoch, contentEpoch, path);
            Instant startedAt = Instant.ofEpochMilli(Math.round(actionEpoch));

            String sessionPath = app.ssr() ? null : CsrSessionPath.observe(page.page); // after the measured window
            Optional<String> problem = correctnessProblem(page, timings, expectSignedIn);
            return new IterationOutcome(
                    problem.isEmpty(),
                    problem.orElse(null),
                    startedAt,
                    metrics.build(),
                    requests,
                    budget.overheadMs(),
                    timings.method(),
                    checks,
                    sessionPath);
        }

        /** The name check of flows whose content shows the name; empty for the login heading. */
        private Optional<String> nameProblem(Timings timings) {
            return showsName(flow)
                    ? NameCheck.problem(target.nameMatch(), user.name(), element, timings.contentText())
                    : Optional.empty();
        }

        /** Expected name shown, no console errors, the session cookie as the pattern sets it. */
        private Optional<String> correctnessProblem(MeasuredPage page, Timings timings, boolean expectSignedIn) {
            Optional<String> name = nameProblem(timings);
            if (name.isPresent()) {
                return name;
            }
            if (!page.consoleErrors.isEmpty()) {
                return Optional.of("console error: " + page.consoleErrors.get(0));
            }
            if (!app.ssr() && settings.fallbackOnly()) {
                String stored = budget.timed("cookies", () -> CsrSessionPath.storedFallback(page.page));
                CookieCheck.Result fallback = FallbackCheck.check(stored, settings.projectId(), expectSignedIn);
                checks.put("sessionFallback", fallback.seen());
                return fallback.problem();
            }
            List<Cookie> cookies = budget.timed(
                    "cookies", () -> contexts.get(contexts.size() - 1).cookies());
            String cookieName = app.ssr()
                    ? target.sessionCookie()
                    : AppwriteCookies.sentCookieName(settings.projectId(), settings.appwriteForBrowser());
            CookieCheck.Result cookie = CookieCheck.check(
                    cookies,
                    cookieName,
                    app.ssr(),
                    AppwriteCookies.isHttps(settings.appwriteForBrowser()),
                    expectSignedIn);
            checks.put("sessionCookie", cookie.seen());
            return cookie.problem();
        }

        IterationOutcome failed(String reason) {
            Metrics.Builder metrics = Metrics.builder();
            if (!Double.isNaN(phaseStartEpoch)) {
                readCounters().addCpuSince(countersBefore, metrics, checks);
            }
            return failed(reason, metrics.build());
        }

        private IterationOutcome failed(String reason, Metrics partial) {
            Instant at = Double.isNaN(phaseStartEpoch) ? Instant.now() : Instant.ofEpochMilli((long) phaseStartEpoch);
            return IterationOutcome.failed(reason, at, partial, budget.overheadMs());
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
