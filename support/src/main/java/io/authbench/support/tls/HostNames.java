package io.authbench.support.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the names a server certificate is issued for: DNS names (no wildcards) and IP literals. */
final class HostNames {
    /** RFC 1123 labels: letters, digits, inner hyphens, 1 to 63 characters each. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)" + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    /** A certificate with many names is a mistake here; the limit also keeps the certificate small on the wire. */
    static final int MAX_NAMES = 16;

    private HostNames() {}

    /** The names lower-cased, duplicates removed, in order; an {@link IllegalArgumentException} names a bad one. */
    static List<String> check(List<String> hostNames) {
        if (hostNames.isEmpty()) {
            throw new IllegalArgumentException(
                    "A server certificate needs at least one host name, e.g. " + "app.authbench.test or localhost.");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : hostNames) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            if (!(isIpLiteral(lower) || DNS_NAME.matcher(lower).matches())) {
                throw new IllegalArgumentException("'" + name + "' is not a host name or IP address a certificate "
                        + "can name (letters, digits, '-' and '.', no wildcard, scheme or port; e.g. "
                        + "api.authbench.test or 127.0.0.1).");
            }
            names.add(lower);
        }
        if (names.size() > MAX_NAMES) {
            throw new IllegalArgumentException(names.size() + " host names for one certificate; at most " + MAX_NAMES
                    + ". Issue one certificate per server.");
        }
        return new ArrayList<>(names);
    }

    static boolean isIpLiteral(String name) {
        return IPV4.matcher(name).matches()
                || (name.contains(":") && IPV6.matcher(name).matches());
    }
}
