package io.authbench.reports.stats;

import java.util.Locale;

/** What a response's {@code Cache-Control} allows (RFC 9111), in words a reader of the report understands. */
public enum Cacheability {
    NOT_STORABLE("not storable (no-store)"),
    REVALIDATE("stored, revalidated on every use (no-cache / max-age=0)"),
    PRIVATE("browser cache only (private)"),
    SHARED("cacheable by browser and CDN"),
    UNSPECIFIED("no Cache-Control (heuristic caching)");

    private final String label;

    Cacheability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True if a later visit can be served without a round trip. */
    public boolean reusable() {
        return this == PRIVATE || this == SHARED;
    }

    public static Cacheability of(String cacheControl) {
        if (cacheControl == null || cacheControl.isBlank()) {
            return UNSPECIFIED;
        }
        String cc = cacheControl.toLowerCase(Locale.ROOT).replace(" ", "");
        if (cc.contains("no-store")) {
            return NOT_STORABLE;
        }
        if (cc.contains("no-cache") || cc.matches(".*(^|,)max-age=0(,|$).*")) {
            return REVALIDATE;
        }
        if (cc.contains("private")) {
            return PRIVATE;
        }
        if (cc.contains("public") || cc.contains("max-age=") || cc.contains("s-maxage=") || cc.contains("immutable")) {
            return SHARED;
        }
        return UNSPECIFIED;
    }
}
