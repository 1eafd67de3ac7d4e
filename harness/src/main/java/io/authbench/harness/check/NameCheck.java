package io.authbench.harness.check;

import io.authbench.harness.apptarget.NameMatch;
import java.util.Optional;

/** Whether the content element shows the signed-in user's name by the target's {@link NameMatch}, and if not, why. */
public final class NameCheck {
    private NameCheck() {}

    /**
     * @param element   what the element is, for the message: e.g. {@code the user-name element (h1.greeting)}
     * @param shownText the element's text, null if there is no such element
     * @return the problem, quoting the text found; empty if the name is shown
     */
    public static Optional<String> problem(NameMatch match, String name, String element, String shownText) {
        if (match.matches(shownText, name)) {
            return Optional.empty();
        }
        if (shownText == null) {
            return Optional.of("expected the name " + Quote.of(name) + " but " + element + " is absent");
        }
        return Optional.of("expected the name " + Quote.of(name) + " but " + element + " shows " + Quote.of(shownText)
                + ", which the name match (" + match.describe() + ") does not accept"
                + (match.mode() == NameMatch.Mode.EXACT
                                && NameMatch.normalise(shownText).contains(name)
                        ? "; the text contains the name: set \"nameMatch\": \"contains\" (or a regex) in the target file"
                        : ""));
    }
}
