package io.authbench.reports.golden;

import io.authbench.reports.results.ResultsJson;
import io.authbench.reports.results.RunResults;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Access to the committed golden run folders (src/test/resources/reports/golden). */
public final class Golden {
    private Golden() {}

    public static Path folder(String name) {
        try {
            return Path.of(Golden.class.getResource("/reports/golden/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("golden fixture " + name + " is missing from the test resources", e);
        }
    }

    public static RunResults read(String name) {
        return ResultsJson.read(folder(name).resolve("results.json"));
    }
}
