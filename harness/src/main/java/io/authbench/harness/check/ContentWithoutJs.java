package io.authbench.harness.check;

import io.authbench.harness.apptarget.NameMatch;

/**
 * The no-js flow's judgement: is the user's name in the page a browser without JavaScript gets? The content element
 * is checked by the target's name match; the raw HTML is the cross-check that keeps a selector or name-match problem
 * from becoming a wrong answer: when the HTML does carry the name but the element check fails, the sample is
 * <em>not measured</em> (with the reason), never "false".
 *
 * @param present true / false when judged; null = not measured
 * @param note    what was seen, for the sample's checks (always set)
 */
public record ContentWithoutJs(Boolean present, String note) {

    /**
     * @param match     the target's name match
     * @param name      the user's name
     * @param element   what the element is, for the note: e.g. {@code the user-name element (h1.greeting)}
     * @param shownText the element's text without JavaScript, null if there is no such element
     * @param html      the document's HTML as received, null if it could not be read
     */
    public static ContentWithoutJs judge(NameMatch match, String name, String element, String shownText, String html) {
        if (match.matches(shownText, name)) {
            return new ContentWithoutJs(true, element + " shows " + Quote.of(shownText));
        }
        if (html == null) {
            return new ContentWithoutJs(
                    null,
                    "not measured: the page's HTML could not be read, and " + element
                            + (shownText == null ? " is absent" : " shows " + Quote.of(shownText)));
        }
        boolean nameInHtml = html.contains(name) || html.contains(escapeHtml(name));
        if (!nameInHtml) {
            return new ContentWithoutJs(
                    false,
                    "the HTML does not contain the name; " + element
                            + (shownText == null ? " is absent" : " shows " + Quote.of(shownText)));
        }
        return new ContentWithoutJs(
                null,
                "not measured: the HTML contains the name but " + element
                        + (shownText == null
                                ? " is absent (check the selector)"
                                : " shows " + Quote.of(shownText) + ", which the name match (" + match.describe()
                                        + ") does not accept (set \"nameMatch\" in the target file)"));
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
