package io.authbench.ssr.cli;

import io.authbench.ssr.http.InjectedDelay;
import io.authbench.ssr.session.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Flag value parsers whose messages say what was wrong with the value and what a good one looks like. */
final class Converters {
    private Converters() {}

    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (port < 0 || port > 65535) {
                throw new TypeConversionException(port + " is not a port (0-65535; 0 picks a free one)");
            }
            return port;
        }
    }

    /** {@code 500ms}, {@code 5s}, {@code 1m} or ISO-8601 ({@code PT5S}); positive, at most 10 minutes. */
    static final class Timeout implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m)");
        private static final Duration MAX = Duration.ofMinutes(10);

        @Override
        public Duration convert(String value) {
            Duration duration = parse(value.trim().toLowerCase(Locale.ROOT));
            if (duration.isZero() || duration.isNegative() || duration.compareTo(MAX) > 0) {
                throw new TypeConversionException("'" + value + "' is out of range (more than 0, at most 10m)");
            }
            return duration;
        }

        static Duration parse(String value) {
            Matcher m = SHORT.matcher(value);
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    default -> Duration.ofMinutes(amount);
                };
            }
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 5s or 1m");
            }
        }
    }

    /**
     * {@code PATH:DURATION} of {@code --inject-delay}: an absolute path without query, fragment or spaces, and a
     * duration of the {@link Timeout} forms, more than 0 and at most {@link InjectedDelay#MAX}. The path ends at the
     * last ':', so a path may itself hold one.
     */
    static final class Delay implements ITypeConverter<InjectedDelay> {
        private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");
        private static final String EXAMPLE = " (PATH:DURATION, e.g. /dashboard:50ms)";

        @Override
        public InjectedDelay convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new TypeConversionException("'" + value + "' names no delay" + EXAMPLE);
            }
            String path = value.substring(0, colon).trim();
            String amount = value.substring(colon + 1).trim();
            if (!PATH.matcher(path).matches()) {
                throw new TypeConversionException(
                        "'" + path + "' is not a path starting with '/' (no query, fragment" + " or spaces)" + EXAMPLE);
            }
            Duration delay;
            try {
                delay = Timeout.parse(amount.toLowerCase(Locale.ROOT));
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + amount + "' is not a duration such as 50ms or 1s" + EXAMPLE);
            }
            if (delay.isZero() || delay.isNegative() || delay.compareTo(InjectedDelay.MAX) > 0) {
                throw new TypeConversionException("'" + amount + "' is out of range (more than 0, at most "
                        + InjectedDelay.MAX.toSeconds() + "s)");
            }
            return new InjectedDelay(path, delay);
        }
    }

    /** An http(s) URL with a host, no query or fragment; a trailing slash is dropped. */
    static final class Endpoint implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            String example = " such as http://localhost:1234/v1";
            URI uri;
            try {
                uri = new URI(value.trim());
            } catch (URISyntaxException e) {
                throw new TypeConversionException("'" + value + "' is not a URL" + example);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new TypeConversionException("'" + value + "' is not an http(s) URL with a host" + example);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new TypeConversionException(
                        "'" + value + "' must not have a query, fragment or user info" + example);
            }
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
    }

    /** Appwrite's custom-id rule: up to 36 of a-z A-Z 0-9 . _ -, not starting with a special character. */
    static final class ProjectId implements ITypeConverter<String> {
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,35}");

        @Override
        public String convert(String value) {
            if (!ID.matcher(value).matches()) {
                throw new TypeConversionException(
                        "'" + value
                                + "' is not a project id (up to 36 letters, digits, '.', '_' or '-', starting with a letter or digit)");
            }
            return value;
        }
    }

    static final class Policy implements ITypeConverter<CookiePolicy> {
        @Override
        public CookiePolicy convert(String value) {
            try {
                return CookiePolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of auto, always, never");
            }
        }
    }
}
