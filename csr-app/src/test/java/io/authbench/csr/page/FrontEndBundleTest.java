package io.authbench.csr.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class FrontEndBundleTest {

    @Test
    void the_built_bundle_names_a_hashed_script_and_stylesheet_that_are_on_the_classpath() {
        FrontEndBundle bundle = FrontEndBundle.fromClasspath();

        assertThat(bundle.scriptPath()).matches("/assets/app-[A-Z0-9]{8}\\.js");
        assertThat(bundle.stylesheetPath()).matches("/assets/app-style-[A-Z0-9]{8}\\.css");
        assertThat(bundle.assets()).containsOnlyKeys(bundle.scriptPath(), bundle.stylesheetPath());
        assertThat(bundle.assets().get(bundle.scriptPath()).contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(bundle.assets().get(bundle.stylesheetPath()).contentType()).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void the_stylesheet_is_the_shared_one_minified() {
        String css = new String(FrontEndBundle.fromClasspath().assets().values().stream()
                .filter(a -> a.path().endsWith(".css"))
                .findFirst()
                .orElseThrow()
                .body());

        assertThat(css).contains("header.app-bar").contains("dl.details").doesNotContain("/* The one stylesheet");
    }

    @Test
    void a_jar_without_the_front_end_is_reported_with_the_rebuild_command() {
        ClassLoader empty = new URLClassLoader(new URL[0], null);

        assertThatThrownBy(() -> FrontEndBundle.fromClasspath(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("csr/manifest.json")
                .hasMessageContaining("mvn -pl csr-app package");
    }
}
