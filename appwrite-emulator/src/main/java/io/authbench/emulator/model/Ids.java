package io.authbench.emulator.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/** Document ids as Appwrite makes and accepts them. */
public final class Ids {
    /** Custom ids: at most 36 chars of [a-zA-Z0-9._-], not starting with a special char (Appwrite's CustomId). */
    private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /**
     * Appwrite's {@code ID::unique()}: PHP {@code uniqid()} (8 hex of seconds + 5 hex of microseconds)
     * followed by 7 random hex chars, 20 lowercase hex chars in all.
     */
    public static String unique() {
        Instant now = Instant.now();
        long micros = now.getNano() / 1_000;
        return String.format("%08x%05x%07x", now.getEpochSecond(), micros, RANDOM.nextInt(1 << 28));
    }

    public static boolean isValidCustomId(String id) {
        return CUSTOM_ID.matcher(id).matches();
    }
}
