package io.millflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void secretsAreRandomAndOnlyTheirCipherTextIsKept() {
        WebhookSecrets box = WebhookSecrets.load(KEY, true, Path.of("unused"));
        String secret = WebhookSecrets.newSecret();
        assertThat(secret).startsWith("whsec_").hasSize(6 + 43).isNotEqualTo(WebhookSecrets.newSecret());
        String a = box.encrypt(secret, "sub-1");
        String b = box.encrypt(secret, "sub-1");
        assertThat(a).startsWith("v1:").doesNotContain(secret.substring(6)).isNotEqualTo(b);
        assertThat(box.decrypt(a, "sub-1")).isEqualTo(secret);
        assertThat(WebhookSecrets.hint(secret)).isEqualTo(secret.substring(secret.length() - 4));
    }

    @Test
    void aCipherTextMovedToAnotherSubscriptionOrUnderAnotherKeyDoesNotDecrypt() {
        WebhookSecrets box = WebhookSecrets.load(KEY, false, Path.of("unused"));
        String sealed = box.encrypt("whsec_x", "sub-1");
        assertThatThrownBy(() -> box.decrypt(sealed, "sub-2")).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        WebhookSecrets otherBox = WebhookSecrets.load(Base64.getEncoder().encodeToString(other), false, Path.of("x"));
        assertThatThrownBy(() -> otherBox.decrypt(sealed, "sub-1")).hasMessageContaining("secret-key changed");
    }

    @Test
    void productionNeedsAKeyElsewhereAKeyFileIsMadeOnceAndKept(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> WebhookSecrets.load("", true, dir)).hasMessageContaining("prod profile");
        assertThatThrownBy(() -> WebhookSecrets.load("c2hvcnQ=", false, dir)).isInstanceOf(IllegalStateException.class);
        WebhookSecrets first = WebhookSecrets.load("", false, dir);
        String sealed = first.encrypt("whsec_y", "s");
        assertThat(Files.exists(dir.resolve("webhook-secret.key"))).isTrue();
        assertThat(WebhookSecrets.load(null, false, dir).decrypt(sealed, "s")).as("after a restart").isEqualTo("whsec_y");
    }
}
