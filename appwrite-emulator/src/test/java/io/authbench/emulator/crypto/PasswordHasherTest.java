package io.authbench.emulator.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void fast_hashes_are_argon2id_phc_strings_that_verify() {
        PasswordHasher hasher = new PasswordHasher(PasswordHashing.FAST);

        String hash = hasher.hash("password123");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("password123", hash)).isTrue();
        assertThat(hasher.verify("password124", hash)).isFalse();
    }

    @Test
    void the_same_password_gets_a_different_salt_each_time() {
        PasswordHasher hasher = new PasswordHasher(PasswordHashing.FAST);

        assertThat(hasher.hash("password123")).isNotEqualTo(hasher.hash("password123"));
    }

    @Test
    void verification_reads_the_cost_from_the_stored_hash_not_the_current_setting() {
        String fast = new PasswordHasher(PasswordHashing.FAST).hash("password123");

        assertThat(new PasswordHasher(PasswordHashing.APPWRITE).verify("password123", fast))
                .isTrue();
    }

    /**
     * Known answers from the reference implementation (Debian's {@code argon2} CLI, libargon2 20171227):
     * {@code echo -n password123 | argon2 authbenchsalt16b -id -t 1 -m 10 -p 1 -l 32 -e} and the same with
     * {@code -t 4 -m 16 -p 3}, Appwrite's real cost, which is also what PHP's {@code password_hash} writes.
     */
    @Test
    void hashes_from_the_reference_implementation_verify_in_both_settings() {
        PasswordHasher hasher = new PasswordHasher(PasswordHashing.FAST);
        String fastVector =
                "$argon2id$v=19$m=1024,t=1,p=1$YXV0aGJlbmNoc2FsdDE2Yg$" + "BkCpt6gCgKX1XzDgwvyzYmLXZf6vy6VLgt1DDCEupUI";
        String appwriteVector = "$argon2id$v=19$m=65536,t=4,p=3$YXV0aGJlbmNoc2FsdDE2Yg$"
                + "C6VWyMH9L9mzUHmGMSz/5tYi2ZbsHhSuTsaU+kfEWBc";

        assertThat(hasher.verify("password123", fastVector)).isTrue();
        assertThat(hasher.verify("password124", fastVector)).isFalse();
        assertThat(hasher.verify("password123", appwriteVector)).isTrue();
    }

    @Test
    void malformed_stored_hashes_never_verify() {
        PasswordHasher hasher = new PasswordHasher(PasswordHashing.FAST);

        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA"))
                .isFalse();
        assertThat(hasher.verify(
                        "x",
                        "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"))
                .isFalse();
    }
}
