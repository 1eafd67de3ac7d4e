package io.authbench.harness.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.authbench.harness.profile.LinkSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where links listen ({@code --link-host}) and the host name in browser URLs ({@code --public-host}). */
class LinkHostsTest {

    @Test
    void the_default_is_loopback_with_localhost_urls() {
        LinkHosts hosts = LinkHosts.loopback();
        assertThat(hosts.bindAddress().isLoopbackAddress()).isTrue();
        assertThat(hosts.publicHost()).isEqualTo("localhost");
        assertThat(hosts.loopbackOnly()).isTrue();
        assertThat(hosts.warning(false)).isNull();
        assertThat(hosts.warning(true)).isNull();
    }

    @Test
    void a_link_listens_on_the_configured_address_only() throws Exception {
        // 127.0.0.2 is loopback on Linux (127/8) but a different address from 127.0.0.1: the link must be reachable
        // on the first and refuse connections on the second.
        InetAddress second = LinkHosts.parseBindAddress("127.0.0.2");
        try (TcpTestServer echo = TcpTestServer.echo();
                LinkProxy link = LinkProxy.start("bind-test", echo.address(), LinkSpec.TRANSPARENT, second)) {
            assertThat(link.address().getAddress()).isEqualTo(second);
            try (Socket socket = new Socket(second, link.port())) {
                OutputStream out = socket.getOutputStream();
                out.write("ping".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(4), StandardCharsets.US_ASCII))
                        .isEqualTo("ping");
            }
            assertThatThrownBy(() -> new Socket(InetAddress.getByName("127.0.0.1"), link.port()).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void all_interfaces_is_allowed_and_warned_about() throws Exception {
        LinkHosts hosts = new LinkHosts(LinkHosts.parseBindAddress("0.0.0.0"), "bench-host.lan");
        assertThat(hosts.loopbackOnly()).isFalse();
        assertThat(hosts.warning(true))
                .startsWith("links listen on 0.0.0.0, not loopback")
                .contains("trusted network");
        try (TcpTestServer echo = TcpTestServer.echo();
                LinkProxy link =
                        LinkProxy.start("any-test", echo.address(), LinkSpec.TRANSPARENT, hosts.bindAddress());
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), link.port()), 5_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void a_remote_public_host_with_loopback_links_is_warned_about() {
        LinkHosts hosts = new LinkHosts(InetAddress.getLoopbackAddress(), "bench-host.lan");
        assertThat(hosts.warning(true)).contains("cannot reach them").contains("--link-host=0.0.0.0");
        assertThat(new LinkHosts(InetAddress.getLoopbackAddress(), "127.0.0.1").warning(true))
                .isNull();
    }

    @Test
    void an_address_of_another_machine_is_refused_with_the_fix() {
        assertThatThrownBy(() -> LinkHosts.parseBindAddress(
                        "203.0.113.77")) // documentation range (TEST-NET-3): not an address of this machine
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an address of this machine")
                .hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> LinkHosts.parseBindAddress("no-such-host.invalid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be resolved");
    }

    @Test
    void public_hosts_are_bare_names_or_ipv4_addresses() {
        assertThat(LinkHosts.parsePublicHost("Bench-Host.LAN")).isEqualTo("bench-host.lan");
        assertThat(LinkHosts.parsePublicHost("192.168.1.20")).isEqualTo("192.168.1.20");
        for (String bad : new String[] {"http://bench-host", "bench-host:8080", "bench host", "-bad", "[::1]", ""}) {
            assertThatThrownBy(() -> LinkHosts.parsePublicHost(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a host name");
        }
    }
}
