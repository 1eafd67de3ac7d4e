package io.authbench.support.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeJsTest {
    @TempDir
    Path dir;

    private static Optional<Setting.Value> property(Path node) {
        return Optional.of(new Setting.Value("-Dauthbench.node", node.toString()));
    }

    @Test
    void machine_node_is_found_and_new_enough_for_the_driver() {
        NodeJs node = NodeJs.locate(PlaywrightDriver.requiredNodeMajor());

        assertThat(node.path()).isExecutable();
        assertThat(node.majorVersion()).isGreaterThanOrEqualTo(PlaywrightDriver.requiredNodeMajor());
    }

    @Test
    void explicit_node_is_used_and_its_version_read() throws IOException {
        Path node = Scripts.executable(dir, "node", "echo v22.3.1");

        assertThat(NodeJs.locate(property(node), "", 20)).isEqualTo(new NodeJs(node, 22));
    }

    @Test
    void node_on_the_path_is_found() throws IOException {
        Path node = Scripts.executable(dir, "node", "echo v21.0.0");

        assertThat(NodeJs.locate(Optional.empty(), dir.resolve("empty-bin") + ":" + dir, 20)
                        .path())
                .isEqualTo(node);
    }

    @Test
    void node_that_is_too_old_gives_the_required_version_and_install_command() throws IOException {
        Path node = Scripts.executable(dir, "node", "echo v16.20.2");

        assertThatThrownBy(() -> NodeJs.locate(property(node), "", 20))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessage("Node.js at " + node + " is version 16; the Playwright driver needs 20 or newer."
                        + " Upgrade Node.js with: apt-get install -y nodejs (or set -Dauthbench.node=/path/to/node)");
    }

    @Test
    void explicit_node_that_does_not_exist_names_the_property_and_the_path() {
        Path missing = dir.resolve("bin/node");

        assertThatThrownBy(() -> NodeJs.locate(property(missing), "", 20))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessageStartingWith("-Dauthbench.node=" + missing + ": no such file.");
    }

    @Test
    void remembered_version_skips_running_node_until_the_binary_changes() throws IOException {
        Path runs = dir.resolve("runs.txt");
        Path node = Scripts.executable(dir, "node", "echo run >> " + runs + "; echo v20.1.0");
        NodeVersionMemo memo = new NodeVersionMemo(dir.resolve("cache/node-version"));

        assertThat(NodeJs.locate(property(node), "", 20, memo).majorVersion()).isEqualTo(20);
        assertThat(NodeJs.locate(property(node), "", 20, memo).majorVersion()).isEqualTo(20);
        assertThat(Files.readAllLines(runs)).hasSize(1);

        Scripts.executable(dir, "node", "echo run >> " + runs + "; echo v16.0.0   # replaced by an older node");
        assertThatThrownBy(() -> NodeJs.locate(property(node), "", 20, memo)).hasMessageContaining("is version 16");
        assertThat(Files.readAllLines(runs)).hasSize(2);
    }

    @Test
    void program_that_is_not_node_is_reported() throws IOException {
        Path node = Scripts.executable(dir, "node", "echo 'command not found: node' >&2; exit 127");

        assertThatThrownBy(() -> NodeJs.locate(property(node), "", 20))
                .isInstanceOf(BrowserSetupException.class)
                .hasMessageContaining("failed with exit code 127 (command not found: node)")
                .hasMessageContaining("apt-get install -y nodejs");
    }
}
