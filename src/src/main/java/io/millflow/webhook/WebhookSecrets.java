package io.millflow.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing secrets of subscriptions: made here, shown once, and stored only encrypted (AES-256-GCM, the
 * subscription id as associated data so a cipher text copied to another row does not decrypt). The key is
 * {@code millflow.webhooks.secret-key}; without it, outside the prod profile, a key file is kept in the data folder.
 */
public final class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final String CIPHER_VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    WebhookSecrets(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("millflow.webhooks.secret-key must be 32 bytes (base64), got "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The key from configuration; else, unless {@code production}, the key file in {@code dataDir} (made on first
     * use, readable by the owner only).
     */
    static WebhookSecrets load(String configuredKey, boolean production, Path dataDir) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            try {
                return new WebhookSecrets(Base64.getDecoder().decode(configuredKey.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("millflow.webhooks.secret-key is not base64 of 32 bytes", e);
            }
        }
        if (production) {
            throw new IllegalStateException("Refusing to start in the prod profile: millflow.webhooks.secret-key "
                    + "(MILLFLOW_WEBHOOKS_SECRET_KEY) is not set; make one with `openssl rand -base64 32`");
        }
        Path file = dataDir.resolve("webhook-secret.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            }
            return new WebhookSecrets(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64url. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hint(String secret) {
        return secret.substring(secret.length() - 4);
    }

    String encrypt(String secret, String subscriptionId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return CIPHER_VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    String decrypt(String cipherText, String subscriptionId) {
        if (cipherText == null || !cipherText.startsWith(CIPHER_VERSION)) {
            throw new IllegalStateException("Unknown webhook secret format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(cipherText.substring(CIPHER_VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The webhook secret of " + subscriptionId
                    + " does not decrypt: millflow.webhooks.secret-key changed?", e);
        }
    }
}
