package io.authbench.emulator.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * argon2id hashing in PHC string form ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}), as PHP's
 * {@code password_hash(PASSWORD_ARGON2ID)} writes it: 16-byte salt, 32-byte tag, unpadded standard base64.
 *
 * <p>Verification reads the parameters from the stored string, like {@code password_verify}, so users hashed with
 * one setting still log in after a restart with another. At most one hash per core runs at a time: each default hash
 * holds 64 MiB, and more parallel hashes than cores only add memory, not throughput.
 */
public final class PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final Pattern PHC_COST = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$");
    private static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final PasswordHashing setting;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore concurrentHashes =
            new Semaphore(Runtime.getRuntime().availableProcessors());

    /**
     * The largest argon2 cost the emulator computes. Appwrite itself puts no bound on an imported hash (its
     * {@code createArgon2User} checks only the Password validator's 8 to 256 characters) and pays whatever the hash
     * says at each sign-in; in a JVM with a bounded heap, a hash claiming m = 4 GiB ends in an
     * {@code OutOfMemoryError}. The bound is Appwrite's own cost for memory (m = 65536 KiB, which every common
     * library default stays within: PHP m=65536,t=4,p=1; node-argon2 m=65536,t=3,p=4; OWASP m=19456,t=2,p=1),
     * with room in time and lanes.
     */
    public static final int MAX_MEMORY_KIB = 65_536;

    public static final int MAX_ITERATIONS = 10;
    public static final int MAX_PARALLELISM = 16;
    public static final String COST_BOUND_DESCRIPTION = "The argon2 hash's cost must be at most m=" + MAX_MEMORY_KIB
            + " (KiB), t=" + MAX_ITERATIONS + ", p=" + MAX_PARALLELISM + " in the emulator; rehash with a lower cost.";

    public PasswordHasher(PasswordHashing setting) {
        this.setting = setting;
    }

    public PasswordHashing setting() {
        return setting;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag =
                argon2id(password, salt, setting.memoryKiB(), setting.iterations(), setting.parallelism(), TAG_BYTES);
        return "$argon2id$v=19$m=" + setting.memoryKiB() + ",t=" + setting.iterations() + ",p=" + setting.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(tag);
    }

    /**
     * True if {@code phc} is an argon2id hash this class would compute whose cost exceeds the bound. Strings that
     * are not such a hash are stored as sent (Appwrite accepts them too) and simply never verify.
     */
    public static boolean costExceedsBound(String phc) {
        Matcher m = PHC_COST.matcher(phc);
        if (!m.find()) {
            return false;
        }
        try {
            return overBound(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        } catch (NumberFormatException absurdlyLong) {
            return true;
        }
    }

    private static boolean overBound(long memoryKiB, long iterations, long parallelism) {
        return memoryKiB > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM;
    }

    /** True iff {@code password} matches {@code phc}; a malformed stored hash never matches. */
    public boolean verify(String password, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (memory < 8 * parallelism
                || iterations < 1
                || parallelism < 1
                || overBound(memory, iterations, parallelism)) {
            return false; // never computed: an over-bound cost could exhaust the heap (imports refuse them anyway)
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = B64_DECODE.decode(m.group(4));
            expected = B64_DECODE.decode(m.group(5));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = argon2id(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private byte[] argon2id(String password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        concurrentHashes.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            concurrentHashes.release();
        }
        return out;
    }
}
