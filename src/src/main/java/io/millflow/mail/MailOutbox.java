package io.millflow.mail;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox. Mails are rows written in the transaction of the change they tell about ({@link #enqueue});
 * {@link #sendDue} sends them later, outside any business transaction:
 * <ol>
 * <li>claims up to {@code batch-size} due rows with {@code for update skip locked} and a lease
 * ({@code locked_until}), so several nodes share the work and a node that dies mid-send leaves the row to another
 * after the lease;</li>
 * <li>sends each through the {@link MailGateway}; SENT on success;</li>
 * <li>a failure that may pass is tried again after a doubling backoff (or the server's Retry-After), a permanent one
 * or the last attempt makes the row FAILED (listed for ADMIN, who may send it again); when the gateway itself is down
 * the rest of the batch is put back untried.</li>
 * </ol>
 * With the gateway {@code off}, due mails become NOT_SENT ("not sent: gateway off"). Every change of a row is
 * audited. Reading and re-sending: ADMIN.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final String ENTITY = "Mail";
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "FAILED", "NOT_SENT");

    private final JdbcTemplate jdbc;
    private final MailGateway gateway;
    private final MailProperties props;
    private final AuditService audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    MailOutbox(JdbcTemplate jdbc, MailGateway gateway, MailProperties props, AuditService audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.props = props;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What one run of the sender did. */
    public record SendReport(int sent, int retryLater, int failed, int notSent, int putBack) {
    }

    /**
     * Writes a mail into the outbox in the caller's transaction; returns its id. A mail without any address is
     * stored as FAILED with the reason, so that ADMIN sees it.
     */
    @Transactional
    public UUID enqueue(OutgoingMail mail, String actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        boolean addressed = !mail.to().isEmpty();
        String status = addressed ? "PENDING" : "FAILED";
        String error = addressed ? null : "no recipient address";
        jdbc.update("insert into mail_outbox (id, kind, language, recipient_username, to_addresses, cc_addresses, "
                + "reply_to, subject, body_text, body_html, reference_type, reference_id, status, attempts, max_attempts, "
                + "next_attempt_at, last_error, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?)",
                id, mail.kind(), mail.language(), mail.recipientUsername(), String.join(",", mail.to()),
                mail.cc().isEmpty() ? null : String.join(",", mail.cc()), mail.replyTo(), truncate(mail.content().subject(), 998),
                mail.content().text(), mail.content().html(), mail.referenceType(), mail.referenceId(), status,
                props.outbox().maxAttempts(), Timestamp.from(now), error, actor == null ? "system" : actor,
                Timestamp.from(now));
        for (MailAttachment a : mail.attachments()) {
            jdbc.update("insert into mail_outbox_attachment (id, mail_id, file_name, content_type, content) "
                    + "values (?,?,?,?,?)", UUID.randomUUID(), id, a.fileName(), a.contentType(), a.content());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", mail.kind());
        after.put("to", mail.to());
        after.put("subject", mail.content().subject());
        after.put("status", status);
        if (error != null) {
            after.put("error", error);
        }
        audit.record(actor == null ? "system" : actor, "MAIL_QUEUED", ENTITY, id.toString(), null, after);
        return id;
    }

    /** Sends the due mails once (called by the scheduler on every node; safe to call at the same time). */
    public SendReport sendDue() {
        Instant now = clock.instant();
        if ("off".equals(gateway.name())) {
            return new SendReport(0, 0, 0, markNotSent(now), 0);
        }
        List<UUID> claimed = tx.execute(s -> jdbc.queryForList("update mail_outbox set locked_until = ?, "
                + "attempts = attempts + 1, last_attempt_at = ? where id in (select id from mail_outbox "
                + "where status = 'PENDING' and next_attempt_at <= ? and (locked_until is null or locked_until < ?) "
                + "order by next_attempt_at, created_at limit ? for update skip locked) returning id", UUID.class,
                Timestamp.from(now.plus(LEASE)), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now),
                props.outbox().batchSize()));
        int sent = 0;
        int later = 0;
        int failed = 0;
        int putBack = 0;
        MailDeliveryException down = null;
        for (UUID id : claimed == null ? List.<UUID>of() : claimed) {
            if (down != null) {
                putBack(id, down.retryAfter());
                putBack++;
                continue;
            }
            MailMessage message = tx.execute(s -> load(id));
            try {
                gateway.send(message);
                tx.executeWithoutResult(s -> markSent(id));
                sent++;
            } catch (MailDeliveryException e) {
                boolean gaveUp = Boolean.TRUE.equals(tx.execute(s -> markFailed(id, e)));
                if (gaveUp) {
                    failed++;
                } else {
                    later++;
                }
                if (e.gatewayDown()) {
                    down = e;
                    log.warn("Mail gateway {} is down, the rest of this batch waits: {}", gateway.name(),
                            e.getMessage());
                }
            } catch (RuntimeException e) {
                // a bug or an unexpected library failure: counts as an attempt, never loses the mail
                tx.execute(s -> markFailed(id, MailDeliveryException.transientFailure(
                        "Unexpected failure: " + e, null, e)));
                later++;
                log.error("Unexpected failure sending mail {}", id, e);
            }
        }
        return new SendReport(sent, later, failed, 0, putBack);
    }

    private int markNotSent(Instant now) {
        Integer count = tx.execute(s -> {
            List<UUID> ids = jdbc.queryForList("update mail_outbox set status = 'NOT_SENT', last_error = ?, "
                    + "last_attempt_at = ? where id in (select id from mail_outbox where status = 'PENDING' "
                    + "and next_attempt_at <= ? limit 500 for update skip locked) returning id", UUID.class,
                    OffMailGateway.NOT_SENT, Timestamp.from(now), Timestamp.from(now));
            for (UUID id : ids) {
                audit.record("system", "MAIL_NOT_SENT", ENTITY, id.toString(), Map.of("status", "PENDING"),
                        Map.of("status", "NOT_SENT", "error", OffMailGateway.NOT_SENT));
            }
            return ids.size();
        });
        return count == null ? 0 : count;
    }

    private MailMessage load(UUID id) {
        Map<String, Object> row = jdbc.queryForMap("select to_addresses, cc_addresses, reply_to, subject, body_text, body_html "
                + "from mail_outbox where id = ?", id);
        List<MailAttachment> attachments = jdbc.query("select file_name, content_type, content from "
                + "mail_outbox_attachment where mail_id = ? order by file_name", (rs, n) -> new MailAttachment(
                        rs.getString(1), rs.getString(2), rs.getBytes(3)), id);
        return new MailMessage(id.toString(), split((String) row.get("to_addresses")),
                split((String) row.get("cc_addresses")), (String) row.get("reply_to"), (String) row.get("subject"), (String) row.get("body_text"),
                (String) row.get("body_html"), attachments);
    }

    private void markSent(UUID id) {
        Instant now = clock.instant();
        jdbc.update("update mail_outbox set status = 'SENT', sent_at = ?, locked_until = null, last_error = null "
                + "where id = ?", Timestamp.from(now), id);
        audit.record("system", "MAIL_SENT", ENTITY, id.toString(), Map.of("status", "PENDING"),
                Map.of("status", "SENT", "gateway", gateway.name()));
    }

    /** Records a failed attempt; true when the mail is given up (FAILED). */
    private boolean markFailed(UUID id, MailDeliveryException e) {
        Instant now = clock.instant();
        Map<String, Object> row = jdbc.queryForMap("select attempts, max_attempts from mail_outbox where id = ?", id);
        int attempts = ((Number) row.get("attempts")).intValue();
        int max = ((Number) row.get("max_attempts")).intValue();
        String error = truncate(e.getMessage() == null ? e.toString() : e.getMessage(), 2000);
        if (!e.retryable() || attempts >= max) {
            jdbc.update("update mail_outbox set status = 'FAILED', locked_until = null, last_error = ? where id = ?",
                    error, id);
            audit.record("system", "MAIL_FAILED", ENTITY, id.toString(), Map.of("status", "PENDING"),
                    Map.of("status", "FAILED", "attempts", attempts, "error", error));
            log.warn("Mail {} given up after {} attempt(s): {}", id, attempts, error);
            return true;
        }
        Duration wait = props.outbox().backoff(attempts);
        if (e.retryAfter() != null && e.retryAfter().compareTo(wait) > 0) {
            wait = e.retryAfter();
        }
        Instant next = now.plus(wait);
        jdbc.update("update mail_outbox set locked_until = null, last_error = ?, next_attempt_at = ? where id = ?",
                error, Timestamp.from(next), id);
        audit.record("system", "MAIL_RETRY_SCHEDULED", ENTITY, id.toString(), Map.of("attempts", attempts),
                Map.of("nextAttemptAt", next.toString(), "error", error));
        return false;
    }

    /** Gives a claimed mail back untried (the gateway was down): the attempt does not count. */
    private void putBack(UUID id, Duration retryAfter) {
        Instant next = retryAfter == null ? clock.instant() : clock.instant().plus(retryAfter);
        tx.executeWithoutResult(s -> jdbc.update("update mail_outbox set locked_until = null, attempts = attempts - 1, "
                + "next_attempt_at = greatest(next_attempt_at, ?) where id = ?", Timestamp.from(next), id));
    }

    // ---- ADMIN

    @Transactional(readOnly = true)
    @PreAuthorize(MailTemplates.ADMIN)
    public PageView<OutboxMailView> list(String status, String referenceType, String referenceId, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status)) {
                throw new ProblemException.InvalidInput("status", "must be one of " + STATUSES);
            }
            where.append(" and status = ?");
            args.add(status);
        }
        if (referenceType != null && !referenceType.isBlank()) {
            where.append(" and reference_type = ?");
            args.add(referenceType);
        }
        if (referenceId != null && !referenceId.isBlank()) {
            where.append(" and reference_id = ?");
            args.add(referenceId);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<OutboxMailView> items = jdbc.query("select o.*, (select string_agg(file_name, ',' order by file_name) "
                + "from mail_outbox_attachment a where a.mail_id = o.id) as files from mail_outbox o" + where
                + " order by created_at desc limit ? offset ?", this::view, pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from mail_outbox" + where, Long.class, args.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(MailTemplates.ADMIN)
    public OutboxMailView get(UUID id) {
        return find(id);
    }

    /** Sends a FAILED or NOT_SENT mail again, with fresh attempts; audited. */
    @Transactional
    @PreAuthorize(MailTemplates.ADMIN)
    public OutboxMailView resend(UUID id) {
        OutboxMailView before = find(id);
        if (!before.status().equals("FAILED") && !before.status().equals("NOT_SENT")) {
            throw new ProblemException.Conflict("Mail " + id + " is " + before.status()
                    + "; only FAILED or NOT_SENT mails are sent again");
        }
        if (before.to().isEmpty()) {
            throw new ProblemException.Conflict("Mail " + id + " has no recipient address");
        }
        jdbc.update("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, locked_until = null "
                + "where id = ?", Timestamp.from(clock.instant()), id);
        audit.record(CurrentUser.get().username(), "MAIL_RESEND", ENTITY, id.toString(),
                Map.of("status", before.status(), "attempts", before.attempts()), Map.of("status", "PENDING"));
        return find(id);
    }

    private OutboxMailView find(UUID id) {
        return jdbc.query("select o.*, (select string_agg(file_name, ',' order by file_name) from mail_outbox_attachment a "
                + "where a.mail_id = o.id) as files from mail_outbox o where id = ?", this::view, id).stream().findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("No mail " + id));
    }

    private OutboxMailView view(ResultSet rs, int n) throws SQLException {
        return new OutboxMailView(rs.getString("id"), rs.getString("kind"), rs.getString("language"),
                rs.getString("recipient_username"), split(rs.getString("to_addresses")),
                split(rs.getString("cc_addresses")), rs.getString("subject"), rs.getString("reference_type"),
                rs.getString("reference_id"), rs.getString("status"), rs.getInt("attempts"), rs.getInt("max_attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "sent_at"), split(rs.getString("files")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
