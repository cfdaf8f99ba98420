package io.millflow.app.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token signing key of the embedded authorization server, kept in the database so that every
 * node signs and validates with the same key and tokens survive a restart. The first node to start
 * creates it (under an advisory lock, so two nodes never create two).
 */
class SigningKeys implements JWKSource<SecurityContext> {

    private static final long ADVISORY_LOCK = 0x4d696c6cL; // "Mill"

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private volatile List<JWK> keys;

    SigningKeys(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new com.nimbusds.jose.jwk.JWKSet(keys()));
    }

    private List<JWK> keys() {
        List<JWK> current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = tx.execute(status -> loadOrCreate());
                }
                current = keys;
            }
        }
        return current;
    }

    private List<JWK> loadOrCreate() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, ADVISORY_LOCK);
        List<JWK> stored = jdbc.query("select kid, private_key, public_key from oauth2_signing_key where active "
                + "order by created_at", (rs, i) -> toJwk(rs.getString(1), rs.getString(2), rs.getString(3)));
        if (!stored.isEmpty()) {
            return stored;
        }
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        String priv = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        String pub = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        jdbc.update("insert into oauth2_signing_key (kid, private_key, public_key, created_at, active) "
                + "values (?, ?, ?, ?, true)", kid, priv, pub, Timestamp.from(Instant.now()));
        return List.of(toJwk(kid, priv, pub));
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWK toJwk(String kid, String privateKey, String publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateKey priv = (RSAPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Stored signing key " + kid + " cannot be read", e);
        }
    }
}
