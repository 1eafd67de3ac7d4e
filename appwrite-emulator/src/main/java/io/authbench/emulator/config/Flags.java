package io.authbench.emulator.config;

import io.authbench.emulator.crypto.PasswordHashing;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for flag values whose error messages say what is accepted. */
public final class Flags {
    private Flags() {}

    /** {@code 365d}, {@code 12h}, {@code 30m}, {@code 10s}, {@code 500ms}, or ISO-8601 such as {@code PT1H}; positive. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");

        @Override
        public Duration convert(String value) {
            Duration duration = parse(value.strip().toLowerCase(Locale.ROOT));
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new TypeConversionException(
                        "'" + value + "' is not a positive duration such as 365d, 12h, 30s " + "or 500ms");
            }
            return duration;
        }

        private static Duration parse(String value) {
            Matcher m = SHORT.matcher(value);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** {@code appwrite} or {@code fast}. */
    public static final class PasswordHashingConverter implements ITypeConverter<PasswordHashing> {
        @Override
        public PasswordHashing convert(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "appwrite" -> PasswordHashing.APPWRITE;
                case "fast" -> PasswordHashing.FAST;
                default -> throw new TypeConversionException("'" + value + "' is not one of appwrite, fast");
            };
        }
    }
}
