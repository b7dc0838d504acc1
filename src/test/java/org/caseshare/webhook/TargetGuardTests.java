package org.caseshare.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which targets a webhook may have: public https servers only, unless private targets are allowed. */
class TargetGuardTests {

    /** Resolves "public.example" to a documentation address and "inside.example" to a private one, and knows no other name. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "public.example" -> new InetAddress[] {InetAddress.getByName("203.0.113.10")};
            case "inside.example" -> new InetAddress[] {InetAddress.getByName("203.0.113.10"), InetAddress.getByName("10.1.2.3")};
            default -> {
                if (host.matches("[0-9.]+") || host.startsWith("[")) {
                    yield InetAddress.getAllByName(host);
                }
                throw new UnknownHostException(host);
            }
        };
    }

    private final TargetGuard strict = new TargetGuard(false, TargetGuardTests::resolve);
    private final TargetGuard lenient = new TargetGuard(true, TargetGuardTests::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.1", "::1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "169.254.1.1", "fe80::1", "fc00::1", "fd00:ec2::254", "224.0.0.1", "ff02::1", "0.0.0.0", "::", "100.64.0.1", "100.100.100.200",
            "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "::7f00:1", "192.0.0.170"})
    void internalAddressesAreInternal(String address) throws Exception {
        assertThat(TargetGuard.internal(InetAddress.getByName(address))).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "2a00:1450:4009:81f::200e", "64:ff9b::808:808"})
    void publicAddressesAreNot(String address) throws Exception {
        assertThat(TargetGuard.internal(InetAddress.getByName(address))).as(address).isFalse();
    }

    @Test
    void aPublicHttpsServerIsAllowed() {
        assertThat(strict.check(" https://public.example/hooks?x=1 ").uri().toString()).isEqualTo("https://public.example/hooks?x=1");
    }

    @Test
    void theCheckKeepsTheAddressesItApproved() throws Exception {
        assertThat(strict.check("https://public.example/hooks").addresses()).containsExactly(InetAddress.getByName("203.0.113.10"));
    }

    @Test
    void aNameWithAnyInternalAddressIsRefused() {
        assertThatThrownBy(() -> strict.check("https://inside.example/hooks")).hasMessageContaining("internal address");
        assertThatThrownBy(() -> strict.check("https://127.0.0.1:8443/hooks")).hasMessageContaining("internal address");
        assertThatThrownBy(() -> strict.check("https://[::1]/hooks")).hasMessageContaining("internal address");
        assertThatThrownBy(() -> strict.check("https://169.254.169.254/latest/meta-data")).hasMessageContaining("internal address");
    }

    @Test
    void onlyHttpsAndAPlainAddressAreAccepted() {
        assertThatThrownBy(() -> strict.check("http://public.example/hooks")).hasMessage("Enter an address that starts with https://");
        assertThatThrownBy(() -> strict.check("ftp://public.example/hooks")).hasMessage("Enter an address that starts with https://");
        assertThatThrownBy(() -> strict.check("public.example/hooks")).hasMessage("Enter an address that starts with https://");
        assertThatThrownBy(() -> strict.check("https://user:pw@public.example/hooks")).hasMessage("Enter the address without a user name or password");
        assertThatThrownBy(() -> strict.check("https://public.example/hooks#x")).hasMessage("Enter the address without a # part");
        assertThatThrownBy(() -> strict.check("https:///hooks")).hasMessageContaining("with a server name");
        assertThatThrownBy(() -> strict.check("https://nowhere.example/hooks")).hasMessageContaining("could not find a server called nowhere.example");
    }

    @Test
    void theSettingAllowsInternalTargetsAndPlainHttp() {
        assertThat(lenient.check("http://127.0.0.1:9000/hooks").uri().getPort()).isEqualTo(9000);
        assertThat(lenient.check("https://inside.example/hooks").uri().getHost()).isEqualTo("inside.example");
        assertThatThrownBy(() -> lenient.check("ftp://public.example/hooks")).hasMessageContaining("https://");
    }
}
