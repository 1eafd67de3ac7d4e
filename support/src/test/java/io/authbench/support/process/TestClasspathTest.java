package io.authbench.support.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestClasspathTest {
    @TempDir
    Path dir;

    @Test
    void current_classpath_contains_this_test_and_no_manifest_only_jar() {
        assertThat(TestClasspath.entries())
                .isNotEmpty()
                .allMatch(Files::exists)
                .noneMatch(p -> p.getFileName().toString().startsWith("surefirebooter"))
                .anyMatch(p ->
                        Files.exists(p.resolve(TestClasspathTest.class.getName().replace('.', '/') + ".class")));
    }

    @Test
    void manifest_class_path_is_expanded_relative_to_the_jar_and_absolute_urls_kept() throws IOException {
        Path jar = dir.resolve("surefirebooter123.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/a.jar classes/ file:/opt/with%20space/b.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // an empty jar with only the manifest, like surefire's booter jar
        }

        assertThat(TestClasspath.manifestClassPath(jar))
                .containsExactly(dir.resolve("lib/a.jar"), dir.resolve("classes"), Path.of("/opt/with space/b.jar"));
    }
}
