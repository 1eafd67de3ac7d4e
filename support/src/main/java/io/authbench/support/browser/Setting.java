package io.authbench.support.browser;

import java.util.Optional;

/**
 * A value the user may set as a system property or an environment variable. The property wins; an empty or
 * blank value counts as unset, because the Maven parent passes {@code -Dauthbench.browser=} when nobody chose one.
 *
 * @param property    the system property, e.g. {@code authbench.browser}
 * @param environment the environment variable, e.g. {@code AUTHBENCH_BROWSER}
 */
record Setting(String property, String environment) {

    /** Where an explicit value came from, for messages ("-Dauthbench.browser=/x" or "AUTHBENCH_BROWSER=/x"). */
    record Value(String source, String value) {}

    Optional<Value> read(Lookup properties, Lookup environmentVariables) {
        String fromProperty = properties.get(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(new Value("-D" + property, fromProperty.trim()));
        }
        String fromEnvironment = environmentVariables.get(environment);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(new Value(environment, fromEnvironment.trim()));
        }
        return Optional.empty();
    }

    Optional<Value> read() {
        return read(System::getProperty, System::getenv);
    }

    /** A name → value lookup: {@code System::getProperty}, {@code System::getenv}, or a map in tests. */
    @FunctionalInterface
    interface Lookup {
        String get(String name);
    }
}
