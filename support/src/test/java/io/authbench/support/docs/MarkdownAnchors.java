package io.authbench.support.docs;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anchors a Markdown file offers, as GitHub renders it: one per ATX heading ({@code #} to {@code ######}, outside
 * fenced code blocks), slugged GitHub's way, plus explicit {@code <a name="…">} / {@code id="…"} anchors.
 *
 * <p>GitHub's slug: the heading's rendered text, lower-cased; every character that is not a letter, a mark, a digit,
 * a connector (such as {@code _}), a space or a hyphen is dropped; each space becomes a hyphen. A repeated slug gets
 * {@code -1}, {@code -2}, … in order of appearance. "Filmstrip (report section 6)" → {@code filmstrip-report-section-6},
 * "X-Fallback-Cookies" → {@code x-fallback-cookies}, "The A/A cell" → {@code the-aa-cell}.
 */
final class MarkdownAnchors {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    /** A Markdown link or image inside a heading renders as its text. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");

    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*?(?:name|id)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]");

    private MarkdownAnchors() {}

    /** GitHub's slug of one heading's text (without the duplicate suffix). */
    static String slug(String headingText) {
        String text = INLINE_LINK.matcher(headingText).replaceAll("$1");
        text = text.replaceAll("<[^>]+>", ""); // inline HTML renders without its tags
        text = text.replace("*", ""); // emphasis markers
        return NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** Every anchor of a Markdown document, in order of appearance. */
    static Set<String> of(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String fence = null;
        for (String line : lines) {
            Matcher fenceMatch = FENCE.matcher(line);
            if (fenceMatch.find()) {
                String marker = fenceMatch.group(1);
                if (fence == null) {
                    fence = marker;
                    continue;
                }
                if (marker.charAt(0) == fence.charAt(0) && marker.length() >= fence.length()) {
                    fence = null;
                    continue;
                }
            }
            if (fence != null) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }
}
