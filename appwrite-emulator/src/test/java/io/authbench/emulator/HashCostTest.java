package io.authbench.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stored password hash cannot make a sign-in exhaust memory: imported argon2 hashes above the documented cost are
 * refused with the error Appwrite gives for an invalid parameter, and background tasks survive a failing run.
 */
class HashCostTest {
    private static final String SALT_AND_TAG = "$YXV0aGJlbmNoc2FsdDE2Yg$C6VWyMH9L9mzUHmGMSz/5tYi2ZbsHhSuTsaU+kfEWBc";

    @Test
    void imported_hashes_over_the_cost_bound_are_refused_as_an_invalid_password_param() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            for (String cost :
                    new String[] {"m=4194304,t=1,p=1", "m=65537,t=1,p=1", "m=1024,t=11,p=1", "m=1024,t=1,p=17"}) {
                Http.Response response = importHash(http, "$argon2id$v=19$" + cost + SALT_AND_TAG);

                assertThat(response.status()).as(cost + ": " + response).isEqualTo(400);
                assertThat(response.type()).isEqualTo("general_argument_invalid");
                assertThat(response.message())
                        .startsWith("Invalid `password` param: ")
                        .contains("m=65536");
            }
            assertThat(emulator.server().project().store().userCount()).isZero();
        }
    }

    @Test
    void appwrites_own_cost_is_within_the_bound_and_signs_in() {
        try (TestEmulator emulator = TestEmulator.start()) {
            Http http = new Http(emulator.baseUrl());
            // password123 hashed by the reference libargon2 with Appwrite's cost (PasswordHasherTest's vector)
            assertThat(importHash(http, "$argon2id$v=19$m=65536,t=4,p=3" + SALT_AND_TAG)
                            .status())
                    .isEqualTo(201);
            assertThat(Seed.keySession(http, "imported@example.com")).isNotEmpty();
        }
    }

    @Test
    void a_background_task_keeps_running_after_a_run_throws_even_an_error() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch ranAfterFailures = new CountDownLatch(1);
            EmulatorServer.scheduleSurviving(
                    executor,
                    "test-task",
                    () -> {
                        int run = runs.incrementAndGet();
                        if (run == 1) {
                            throw new OutOfMemoryError("simulated: Java heap space");
                        }
                        if (run == 2) {
                            throw new IllegalStateException("simulated failure");
                        }
                        ranAfterFailures.countDown();
                    },
                    10);

            assertThat(ranAfterFailures.await(30, TimeUnit.SECONDS))
                    .as("ran again after failing runs")
                    .isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    private static Http.Response importHash(Http http, String hash) {
        return http.request("POST", "/users/argon2")
                .key()
                .json("{\"userId\":\"unique()\",\"email\":\"imported@example.com\",\"password\":\"" + hash + "\"}")
                .send();
    }
}
