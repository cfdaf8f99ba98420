package io.millflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.shared.ProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SSRF guard, with a fixed name table instead of DNS (no test looks anything up on the network). */
class WebhookUrlPolicyTest {

    private static final Map<String, String[]> DNS = Map.of(
            "hooks.example.com", new String[] {"93.184.216.34"},
            "erp.corp.local", new String[] {"10.20.3.4"},
            "rebind.example.com", new String[] {"93.184.216.34", "169.254.169.254"},
            "localhost", new String[] {"127.0.0.1"},
            "v6.example.com", new String[] {"fd00::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        String[] ips = DNS.get(host);
        if (ips == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] out = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            out[i] = InetAddress.getByName(ips[i]);
        }
        return out;
    }

    private final WebhookUrlPolicy dev = new WebhookUrlPolicy(false, List.of(), WebhookUrlPolicyTest::resolve);
    private final WebhookUrlPolicy prod = new WebhookUrlPolicy(true, List.of("10.20.0.0/16"),
            WebhookUrlPolicyTest::resolve);

    @Test
    void httpsToPublicHostsPassesEverywhere() {
        assertThat(dev.check("https://hooks.example.com/millflow?x=1").toString())
                .isEqualTo("https://hooks.example.com/millflow?x=1");
        assertThat(prod.check("https://hooks.example.com/millflow")).isNotNull();
    }

    @Test
    void plainHttpOnlyToLoopbackAndOnlyOutsideProduction() {
        assertThat(dev.check("http://127.0.0.1:8099/hook")).isNotNull();
        assertThat(dev.check("http://localhost:8099/hook")).isNotNull();
        assertThat(dev.check("http://[::1]:8099/hook")).isNotNull();
        refused(dev, "http://hooks.example.com/hook", "url", "invalid-input");
        refused(dev, "http://10.1.2.3/hook", "url", "invalid-input");
        refused(dev, "http://unknown.invalid/hook", "url", "invalid-input"); // refused before any look-up
        refused(prod, "http://hooks.example.com/hook", "url", "invalid-input");
        refused(prod, "http://127.0.0.1:8099/hook", "url", "invalid-input");
    }

    @Test
    void linkLocalMetadataAndNonHostAddressesAreAlwaysRefused() {
        for (WebhookUrlPolicy policy : List.of(dev, prod)) {
            refused(policy, "https://169.254.169.254/latest/meta-data/", "url", "webhook-target-refused");
            refused(policy, "https://[fe80::1]/x", "url", "webhook-target-refused");
            refused(policy, "https://[::ffff:169.254.169.254]/x", "url", "webhook-target-refused");
            refused(policy, "https://metadata.google.internal/computeMetadata/v1/", "url", "webhook-target-refused");
            refused(policy, "https://0.0.0.0/x", "url", "webhook-target-refused");
            refused(policy, "https://224.0.0.1/x", "url", "webhook-target-refused");
            refused(policy, "https://rebind.example.com/x", "url", "webhook-target-refused");
        }
    }

    @Test
    void privateAddressesOnlyInAllowedNetworksInProduction() {
        assertThat(dev.check("https://192.168.1.10/hook")).isNotNull();
        assertThat(dev.check("https://v6.example.com/hook")).isNotNull();
        assertThat(prod.check("https://erp.corp.local/hook")).as("in 10.20.0.0/16").isNotNull();
        refused(prod, "https://10.21.0.1/hook", "url", "webhook-target-refused");
        refused(prod, "https://192.168.1.10/hook", "url", "webhook-target-refused");
        refused(prod, "https://172.16.5.5/hook", "url", "webhook-target-refused");
        refused(prod, "https://100.64.0.1/hook", "url", "webhook-target-refused");
        refused(prod, "https://v6.example.com/hook", "url", "webhook-target-refused");
        refused(prod, "https://localhost/hook", "url", "webhook-target-refused");
    }

    @Test
    void malformedUrlsAreInputProblems() {
        refused(dev, null, "url", "invalid-input");
        refused(dev, " ", "url", "invalid-input");
        refused(dev, "hooks.example.com/x", "url", "invalid-input");
        refused(dev, "ftp://hooks.example.com/x", "url", "invalid-input");
        refused(dev, "https://user:pw@hooks.example.com/x", "url", "invalid-input");
        refused(dev, "https://hooks.example.com/x#frag", "url", "invalid-input");
        refused(dev, "https://hooks example.com/x", "url", "invalid-input");
        refused(dev, "https://nowhere.invalid/x", "url", "webhook-target-refused");
        refused(dev, "https://hooks.example.com/" + "a".repeat(2000), "url", "invalid-input");
    }

    @Test
    void badAllowedNetworksStopStartUp() {
        assertThatThrownBy(() -> new WebhookUrlPolicy(true, List.of("10.0.0.0/40"), WebhookUrlPolicyTest::resolve))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-networks");
        assertThatThrownBy(() -> new WebhookUrlPolicy(true, List.of("intranet"), WebhookUrlPolicyTest::resolve))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void refused(WebhookUrlPolicy policy, String url, String field, String type) {
        assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.type()).isEqualTo(type);
            assertThat(p.field()).isEqualTo(field);
        });
    }
}
