package io.authbench.reports.results;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measured values of one sample, keyed by {@link Metric}. Immutable; build with {@link #builder()}.
 *
 * <p>Numbers are stored as doubles (counts are whole numbers); flags as booleans. An unmeasured metric is simply
 * absent. Keys written by a newer harness that this version does not know are kept in {@link #unknown()} so they
 * survive a read-write round trip.
 */
public final class Metrics {
    private static final Metrics EMPTY = new Metrics(new EnumMap<>(Metric.class), Map.of());

    private final Map<Metric, Object> values;
    private final Map<String, Object> unknown;

    private Metrics(EnumMap<Metric, Object> values, Map<String, Object> unknown) {
        this.values = Collections.unmodifiableMap(values);
        this.unknown = Collections.unmodifiableMap(unknown);
    }

    public static Metrics empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this sample's values (to add one metric later, e.g. batch server CPU). */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.values.putAll(values);
        builder.unknown.putAll(unknown);
        return builder;
    }

    /** The numeric value of {@code metric}, empty if not measured. */
    public OptionalDouble number(Metric metric) {
        Object value = values.get(metric);
        return value instanceof Double d ? OptionalDouble.of(d) : OptionalDouble.empty();
    }

    /** The numeric value of {@code metric}, or null if not measured. */
    public Double numberOrNull(Metric metric) {
        Object value = values.get(metric);
        return value instanceof Double d ? d : null;
    }

    /** The yes/no value of a {@link Metric#isFlag() flag} metric, empty if not measured. */
    public Optional<Boolean> flag(Metric metric) {
        Object value = values.get(metric);
        return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    public boolean has(Metric metric) {
        return values.containsKey(metric);
    }

    /** Every measured metric, in {@link Metric} order; values are {@code Double} or {@code Boolean}. */
    public Map<Metric, Object> asMap() {
        return values;
    }

    /** Keys this version does not know, with their JSON values (numbers, booleans, strings). */
    public Map<String, Object> unknown() {
        return unknown;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metrics m && values.equals(m.values) && unknown.equals(m.unknown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, unknown);
    }

    @Override
    public String toString() {
        return "Metrics" + values;
    }

    /** Collects values; rejects NaN, infinities and wrong kinds so a bad measurement fails where it is made. */
    public static final class Builder {
        private final EnumMap<Metric, Object> values = new EnumMap<>(Metric.class);
        private final Map<String, Object> unknown = new LinkedHashMap<>();

        private Builder() {}

        /** Sets a numeric metric; {@code null} leaves it unmeasured (removes it). */
        public Builder set(Metric metric, Number value) {
            if (metric.isFlag()) {
                throw new IllegalArgumentException(metric.key() + " is a yes/no metric; use set(metric, boolean)");
            }
            if (value == null) {
                values.remove(metric);
                return this;
            }
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(metric.key() + " must be a finite number, got " + value
                        + "; leave it unset if it was not measured");
            }
            values.put(metric, d);
            return this;
        }

        /** Sets a yes/no metric; {@code null} leaves it unmeasured. */
        public Builder set(Metric metric, Boolean value) {
            if (!metric.isFlag()) {
                throw new IllegalArgumentException(
                        metric.key() + " is a number (" + metric.unit().label() + ")");
            }
            if (value == null) {
                values.remove(metric);
            } else {
                values.put(metric, value);
            }
            return this;
        }

        /** Keeps a key this version does not know (used by the codec; the harness should add a {@link Metric}). */
        public Builder unknown(String key, Object value) {
            unknown.put(key, value);
            return this;
        }

        public Metrics build() {
            if (values.isEmpty() && unknown.isEmpty()) {
                return EMPTY;
            }
            return new Metrics(new EnumMap<>(values), new LinkedHashMap<>(unknown));
        }
    }
}
