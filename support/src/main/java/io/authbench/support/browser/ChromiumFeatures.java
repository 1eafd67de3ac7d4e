package io.authbench.support.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * The one {@code --disable-features} switch AuthBench passes to Chromium.
 *
 * <p>Chromium keeps only the <em>last</em> {@code --disable-features} on its command line, and Playwright already
 * passes one: a switch of ours must therefore repeat Playwright's list, or Playwright's fixes would be switched back
 * on. {@link #PLAYWRIGHT_DISABLED} is Playwright 1.62's list (driver {@code lib/coreBundle.js}, {@code disabledFeatures});
 * a test reads the driver's list and fails if a new Playwright adds a feature that is missing here.
 */
public final class ChromiumFeatures {
    /** What Playwright 1.62 disables, in its order. */
    static final List<String> PLAYWRIGHT_DISABLED = List.of(
            "AvoidUnnecessaryBeforeUnloadCheckSync",
            "BoundaryEventDispatchTracksNodeRemoval",
            "DestroyProfileOnBrowserClose",
            "DialMediaRouteProvider",
            "GlobalMediaControls",
            "HttpsUpgrades",
            "LensOverlay",
            "MediaRouter",
            "PaintHolding",
            "ThirdPartyStoragePartitioning",
            "BlockOriginHeaderModificationOnRedirect",
            "Translate",
            "AutoDeElevate",
            "OptimizationHints",
            "msForceBrowserSignIn",
            "msEdgeUpdateLaunchServicesPreferredVersion");

    /**
     * What AuthBench disables on top, because every browser context (the harness opens one per iteration) would
     * otherwise start extra renderer processes that no page of the benchmark uses. On the 2-core project machine they
     * doubled the cost of a new page (≈ 430 → 215 ms, Chromium 156) and competed for the CPU with the measured page:
     * <ul>
     *   <li>{@code WebUIOmniboxPopup}, {@code WebUIOmniboxAimPopup}: headless Chromium 156 still builds the address
     *   bar's WebUI popups ({@code chrome://omnibox-popup.top-chrome/}) for each new window, one renderer each;</li>
     *   <li>{@code SpareRendererForSitePerProcess}: the spare renderer Chromium pre-starts after a navigation for the
     *   next cross-site one. The benchmark's flows never navigate cross-site (the CSR page calls Appwrite with
     *   fetch), so it would start during the measured page load and be thrown away with the context.</li>
     * </ul>
     */
    static final List<String> AUTHBENCH_DISABLED =
            List.of("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "SpareRendererForSitePerProcess");

    private ChromiumFeatures() {}

    /** Every feature AuthBench's Chromium runs without: Playwright's then ours. */
    public static List<String> disabled() {
        List<String> all = new ArrayList<>(PLAYWRIGHT_DISABLED);
        all.addAll(AUTHBENCH_DISABLED);
        return List.copyOf(all);
    }

    /** The {@code --disable-features=…} switch with {@link #disabled()}. */
    static String disableSwitch() {
        return "--disable-features=" + String.join(",", disabled());
    }
}
