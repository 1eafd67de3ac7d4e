package io.authbench.harness.profile;

import java.util.regex.Pattern;

/** The one rule for profile names; they end up in flags, file names and report anchors. */
final class ProfileNames {

    static final String RULE =
            "must be lower-case letters, digits and '-', starting with a letter or digit (e.g. slow-4g)";

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private ProfileNames() {}

    static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
