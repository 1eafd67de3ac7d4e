package io.authbench.emulator.crypto;

/** The argon2id cost settings the emulator can hash new passwords with ({@code --password-hash}). */
public enum PasswordHashing {
    /**
     * What Appwrite 1.6 really computes: argon2id m=65536 KiB (64 MiB), t=4, p=3
     * (docs/appwrite-behaviour.md#password-hashing-and-cost).
     */
    APPWRITE(65_536, 4, 3),
    /** A cheap argon2id for tests and quick runs: m=1024 KiB (1 MiB), t=1, p=1. Still a real argon2id hash. */
    FAST(1_024, 1, 1);

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    PasswordHashing(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public int memoryKiB() {
        return memoryKiB;
    }

    public int iterations() {
        return iterations;
    }

    public int parallelism() {
        return parallelism;
    }

    public String describe() {
        return "argon2id m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
    }
}
