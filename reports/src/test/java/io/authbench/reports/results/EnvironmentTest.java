package io.authbench.reports.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    @Test
    void sdks_are_listed_in_name_order_whatever_order_they_were_recorded_in() {
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("node-appwrite (npm)", "14.2.0");
        recorded.put("io.appwrite:sdk-for-kotlin", "6.1.0");
        recorded.put("appwrite (npm)", "16.1.0");

        Environment environment =
                new Environment(null, 2, null, null, null, null, null, recorded, null, Environment.EMULATOR, null);

        // Map.copyOf's order changes from one JVM to the next, and the report lists the SDKs in this order.
        assertThat(environment.sdks().keySet())
                .containsExactly("appwrite (npm)", "io.appwrite:sdk-for-kotlin", "node-appwrite (npm)");
    }
}
