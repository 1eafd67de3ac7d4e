package io.authbench.reports.results;

/** An enum written to JSON as a short lower-case code ({@code "browser-app"}) instead of its Java name. */
public interface Coded {
    /** The value as it appears in {@code results.json}. */
    String code();

    /** The constant whose code is {@code code}, or an exception listing the accepted codes. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return constant;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            known.append(known.length() == 0 ? "" : ", ").append(constant.code());
        }
        throw new IllegalArgumentException("'" + code + "' is not one of: " + known);
    }
}
