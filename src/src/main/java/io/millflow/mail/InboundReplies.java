package io.millflow.mail;

import io.millflow.audit.AuditService;
import io.millflow.security.AppUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.millflow.shared.inbox.Inbox;
import io.millflow.shared.inbox.TaskDecision;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approvals by mail reply. {@link #poll} reads the unread mails of the reply mailbox; each is logged once
 * ({@code mail_inbound}, unique by Message-ID, so several nodes may poll) and then:
 * <ol>
 * <li>its {@code MF-} reference must carry a valid signature, be unexpired and issued by this server;</li>
 * <li>the sender must be the approver: the From address equals the token user's e-mail, and that address belongs
 * to no other user;</li>
 * <li>the first unquoted line must say APPROVE or REJECT (or GENEHMIGEN/ABLEHNEN, ...);</li>
 * <li>the reference is used up and the task completed through {@link Inbox#complete} as the approver, with the
 * approver's roles, in one transaction: when the inbox refuses (form task, already done, claimed by another),
 * the reference stays unused.</li>
 * </ol>
 * Every outcome is written to the log and the audit trail; the approver (never an unknown sender) gets a mail when
 * the answer could not be applied. Reading the log: ADMIN.
 */
@Service
public class InboundReplies {

    private static final Logger log = LoggerFactory.getLogger(InboundReplies.class);
    static final String ENTITY = "InboundMail";

    private final MailGateway gateway;
    private final MailProperties props;
    private final ReplyTokens tokens;
    private final UserAccounts users;
    private final Inbox inbox;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final AuditService audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final String publicUrl;

    InboundReplies(MailGateway gateway, MailProperties props, ReplyTokens tokens, UserAccounts users, Inbox inbox,
            MailTemplates templates, MailOutbox outbox, AuditService audit, JdbcTemplate jdbc, Clock clock,
            PlatformTransactionManager transactions, @Value("${millflow.public-url:http://localhost:8080}") String publicUrl) {
        this.gateway = gateway;
        this.props = props;
        this.tokens = tokens;
        this.users = users;
        this.inbox = inbox;
        this.templates = templates;
        this.outbox = outbox;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.publicUrl = publicUrl;
    }

    /** One logged reply. */
    public record InboundView(String id, String source, String messageId, String from, String subject,
            java.time.Instant receivedAt, java.time.Instant processedAt, String outcome, String detail, String taskId,
            String username) {
    }

    /** Reads and handles the unread replies once; returns the outcomes of the mails this call handled. */
    public List<InboundOutcome> poll() {
        if (!props.inbound().enabled()) {
            return List.of();
        }
        List<InboundOutcome> outcomes = new ArrayList<>();
        for (InboundMail mail : gateway.readUnread(25)) {
            UUID id = UUID.randomUUID();
            Boolean claimed = tx.execute(s -> jdbc.update("insert into mail_inbound (id, source, external_id, "
                    + "from_address, subject, received_at, processed_at, outcome) values (?,?,?,?,?,?,?,'RECEIVED') "
                    + "on conflict (source, external_id) do nothing", id, gateway.name(), truncate(mail.messageId(), 998),
                    truncate(mail.from(), 320), truncate(mail.subject(), 998),
                    mail.receivedAt() == null ? null : Timestamp.from(mail.receivedAt()),
                    Timestamp.from(clock.instant())) == 1);
            if (Boolean.TRUE.equals(claimed)) {
                try {
                    outcomes.add(handle(id, mail));
                } catch (RuntimeException e) {
                    log.error("Reply {} from {} could not be handled", mail.messageId(), mail.from(), e);
                    finish(id, mail, InboundOutcome.REFUSED, "failure: " + e.getMessage(), null, null, "system");
                    outcomes.add(InboundOutcome.REFUSED);
                }
            }
            try {
                gateway.markRead(mail);
            } catch (MailDeliveryException e) {
                log.warn("Reply {} could not be marked read (it is logged and will be skipped): {}", mail.messageId(),
                        e.getMessage());
            }
        }
        return outcomes;
    }

    private InboundOutcome handle(UUID id, InboundMail mail) {
        Optional<String> token = ReplyTokens.find(mail.subject(), mail.text());
        if (token.isEmpty()) {
            return finish(id, mail, InboundOutcome.NO_TOKEN, "no MF- reference in subject or body", null, null,
                    "system");
        }
        ReplyTokens.Verdict verdict = tokens.verify(token.get());
        ReplyTokens.Claims claims = verdict.claims();
        if (claims == null) {
            return finish(id, mail, InboundOutcome.FORGED, verdict.refusal(), null, null, "system");
        }
        if (!tokens.known(claims)) {
            return finish(id, mail, InboundOutcome.FORGED, "reference was never issued", claims.taskId(),
                    claims.username(), "system");
        }
        Optional<AppUser> approver = users.find(claims.username()).filter(AppUser::isEnabled);
        if (approver.isEmpty()) {
            return finish(id, mail, InboundOutcome.REFUSED, "approver " + claims.username() + " is unknown or disabled",
                    claims.taskId(), claims.username(), "system");
        }
        AppUser user = approver.get();
        boolean ownAddress = user.getEmail() != null && mail.from() != null
                && user.getEmail().trim().equalsIgnoreCase(mail.from().trim())
                && users.findByEmail(mail.from()).map(u -> u.getUsername().equals(user.getUsername())).orElse(false);
        if (!ownAddress) {
            return finish(id, mail, InboundOutcome.FOREIGN_SENDER, "sent from " + mail.from() + ", not from the "
                    + "approver's address", claims.taskId(), claims.username(), "system");
        }
        if (!verdict.valid()) {
            return tellApprover(user, claims, mail, finish(id, mail, verdict.expired() ? InboundOutcome.EXPIRED
                    : InboundOutcome.FORGED, verdict.refusal(), claims.taskId(), claims.username(), "system"),
                    verdict.refusal());
        }
        Optional<ReplyParser.Decision> decision = ReplyParser.parse(mail.text());
        if (decision.isEmpty()) {
            String why = "the first line must be APPROVE or REJECT (GENEHMIGEN or ABLEHNEN)";
            return tellApprover(user, claims, mail, finish(id, mail, InboundOutcome.NO_DECISION, why, claims.taskId(),
                    claims.username(), "system"), why);
        }
        UserDetails details = users.loadUserByUsername(user.getUsername());
        try {
            InboundOutcome done = tx.execute(s -> {
                if (!tokens.consume(claims, id)) {
                    return InboundOutcome.REPLAYED;
                }
                RunAs.user(user.getUsername(), details.getAuthorities(), () -> {
                    inbox.complete(claims.taskId(), new TaskDecision(decision.get().approved(), decision.get().comment()));
                    return null;
                });
                InboundOutcome outcome = decision.get().approved() ? InboundOutcome.APPROVED : InboundOutcome.REJECTED;
                record(id, mail, outcome, decision.get().comment(), claims.taskId(), claims.username(),
                        user.getUsername());
                return outcome;
            });
            if (done == InboundOutcome.REPLAYED) {
                String why = "the reference was used already";
                return tellApprover(user, claims, mail, finish(id, mail, InboundOutcome.REPLAYED, why, claims.taskId(),
                        claims.username(), "system"), why);
            }
            return done;
        } catch (ProblemException e) {
            InboundOutcome outcome = "form-required".equals(e.type()) ? InboundOutcome.FORM_REQUIRED
                    : InboundOutcome.REFUSED;
            String why = outcome == InboundOutcome.FORM_REQUIRED
                    ? "this task has a form; it can only be completed in Millflow" : e.getMessage();
            return tellApprover(user, claims, mail, finish(id, mail, outcome, why, claims.taskId(), claims.username(),
                    "system"), why);
        }
    }

    private InboundOutcome finish(UUID id, InboundMail mail, InboundOutcome outcome, String detail, String taskId,
            String username, String actor) {
        tx.executeWithoutResult(s -> record(id, mail, outcome, detail, taskId, username, actor));
        log.info("Mail reply {} from {}: {} ({})", mail.messageId(), mail.from(), outcome, detail);
        return outcome;
    }

    private void record(UUID id, InboundMail mail, InboundOutcome outcome, String detail, String taskId,
            String username, String actor) {
        jdbc.update("update mail_inbound set outcome = ?, detail = ?, task_id = ?, username = ?, processed_at = ? "
                + "where id = ?", outcome.name(), truncate(detail, 2000), taskId, username,
                Timestamp.from(clock.instant()), id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcome", outcome.name());
        after.put("from", mail.from());
        after.put("subject", mail.subject());
        after.put("messageId", mail.messageId());
        after.put("taskId", taskId);
        after.put("approver", username);
        after.put("detail", detail);
        audit.record(actor, "MAIL_REPLY_" + outcome.name(), ENTITY, id.toString(), null, after);
    }

    /** Tells the approver (their verified own address) that the answer was not applied. */
    private InboundOutcome tellApprover(AppUser user, ReplyTokens.Claims claims, InboundMail mail,
            InboundOutcome outcome, String reason) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recipientName", user.getDisplayName());
        values.put("subject", mail.subject() == null ? "" : mail.subject());
        values.put("reason", reason);
        values.put("link", Links.absolute(publicUrl, "/inbox?task=" + claims.taskId()));
        tx.executeWithoutResult(s -> {
            RenderedMail content = templates.render(MailTemplateKind.REPLY_REFUSED, user.getLanguage(), values,
                    Map.of());
            outbox.enqueue(new OutgoingMail(MailTemplateKind.REPLY_REFUSED.name(), user.getLanguage(),
                    user.getUsername(), List.of(user.getEmail()), List.of(), null, content, "Task", claims.taskId(),
                    List.of()), "system");
        });
        return outcome;
    }

    // ---- ADMIN

    @Transactional(readOnly = true)
    @PreAuthorize(MailTemplates.ADMIN)
    public PageView<InboundView> list(String outcome, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        List<Object> args = new ArrayList<>();
        String where = "";
        if (outcome != null && !outcome.isBlank()) {
            try {
                InboundOutcome.valueOf(outcome);
            } catch (IllegalArgumentException e) {
                throw new ProblemException.InvalidInput("outcome", "must be one of "
                        + java.util.Arrays.toString(InboundOutcome.values()));
            }
            where = " where outcome = ?";
            args.add(outcome);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<InboundView> items = jdbc.query("select * from mail_inbound" + where
                + " order by processed_at desc limit ? offset ?", (rs, n) -> new InboundView(rs.getString("id"),
                        rs.getString("source"), rs.getString("external_id"), rs.getString("from_address"),
                        rs.getString("subject"), rs.getTimestamp("received_at") == null ? null
                                : rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("processed_at").toInstant(), rs.getString("outcome"), rs.getString("detail"),
                        rs.getString("task_id"), rs.getString("username")), pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from mail_inbound" + where, Long.class, args.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
