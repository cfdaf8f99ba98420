package io.millflow.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} support for POSTs that change stock. The key is claimed in the caller's
 * transaction: a second request with the same key waits for the first to commit and then gets its answer;
 * if the first rolled back, the second runs as if it were first. Keys are kept for {@link #RETENTION}.
 */
@Service
public class Idempotency {

    public static final Duration RETENTION = Duration.ofDays(7);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public Idempotency(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The earlier answer for this key (then nothing must be done again), or empty once the key is claimed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Optional<T> claim(String scope, String key, String actor, Object request, Class<T> type) {
        if (key.isBlank() || key.length() > 200) {
            throw new ProblemException.InvalidInput("Idempotency-Key", "must have 1 to 200 characters");
        }
        String hash = hash(request);
        int inserted = jdbc.update("insert into idempotency_key (scope, key, request_hash, status, response_body, "
                + "created_by, created_at) values (?, ?, ?, 0, '', ?, ?) on conflict (scope, key) do nothing",
                scope, key, hash, actor, Timestamp.from(clock.instant()));
        if (inserted == 1) {
            return Optional.empty();
        }
        List<String[]> stored = jdbc.query("select request_hash, response_body, created_by from idempotency_key "
                + "where scope = ? and key = ?", (rs, i) -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3)}, scope, key);
        if (stored.isEmpty()) {
            throw new ProblemException.Conflict("Idempotency-Key " + key + " is in use by a request that has not "
                    + "finished; try again");
        }
        if (!stored.get(0)[2].equals(actor) || !stored.get(0)[0].equals(hash)) {
            throw new KeyReused(key);
        }
        try {
            return Optional.of(json.readValue(stored.get(0)[1], type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answer of Idempotency-Key " + key + " cannot be read", e);
        }
    }

    /** Keeps the answer of a claimed key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(String scope, String key, int status, Object response) {
        try {
            jdbc.update("update idempotency_key set status = ?, response_body = ? where scope = ? and key = ?", status,
                    json.writeValueAsString(response), scope, key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer cannot be stored for Idempotency-Key " + key, e);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetOldKeys() {
        jdbc.update("delete from idempotency_key where created_at < ?",
                Timestamp.from(clock.instant().minus(RETENTION)));
    }

    private String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Request cannot be hashed", e);
        }
    }

    /** The key was used before by another caller or for a different request. */
    public static class KeyReused extends ProblemException {
        public KeyReused(String key) {
            super(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency-Key " + key + " was already used for a different request", "Idempotency-Key");
        }
    }
}
