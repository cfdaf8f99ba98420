package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.FormFixtures;
import io.millflow.app.support.MailSandbox;
import io.millflow.app.support.Requisitions;
import io.millflow.app.support.Tokens;
import io.millflow.mail.InboundReplies;
import io.millflow.mail.MailNotificationChannel;
import io.millflow.mail.MailOutbox;
import io.millflow.notification.Notification;
import io.millflow.notification.NotificationKind;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricTaskInstance;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acceptance 2 of issue 8: an approval mail for a real purchase requisition task (through GreenMail), then replies
 * by mail. A forged, a foreign-sender and an expired reply change nothing; the approver's reply completes the task
 * as the approver; the same reply again changes nothing. Every reply is logged with its outcome and audited.
 * The notification is handed to the mail channel here as the notification module does for
 * {@code process.userTaskCreated}.
 */
@AppTest
class MailReplyApprovalTest {

    private static final String MANAGER_MAIL = "manager@demo.millflow.io";
    private static final Pattern TOKEN = Pattern.compile("\\[MF-([A-Za-z0-9_.-]+)]");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MailNotificationChannel channel;
    @Autowired
    MailOutbox outbox;
    @Autowired
    InboundReplies replies;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theApproversReplyCompletesTheTaskOnceAndBadRepliesChangeNothing() throws Exception {
        Api api = new Api(port);
        String requisitionId = Requisitions.submit(api, port, "employee",
                Requisitions.body("Spindle bearings by mail", 1, "450.00", "EUR"));
        Task task = await().atMost(Duration.ofSeconds(20)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(requisitionId).taskCandidateGroup("MANAGER").singleResult(),
                t -> t != null);

        // the task's creation notified its candidate users (APPROVAL_NEEDED, mail immediately by default): the
        // approval mail with its reply token is in the outbox
        MailSandbox.drain(outbox);
        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> MailSandbox.received(MANAGER_MAIL,
                requisitionId), l -> l.size() == 1).get(0);

        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo(MailSandbox.REPLY_MAILBOX);
        String body = MailSandbox.text(mail);
        assertThat(body).contains(MailSandbox.PUBLIC_URL + "/inbox?task=" + task.getId()).contains("APPROVE");
        Matcher m = TOKEN.matcher(mail.getSubject());
        assertThat(m.find()).as(mail.getSubject()).isTrue();
        String token = m.group(1);
        String subject = "Re: " + mail.getSubject();

        // forged: one character of the signature changed
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        MailSandbox.reply(MANAGER_MAIL, subject.replace(token, forged), "APPROVE\nforged");
        // foreign sender: the right token from another colleague's address
        MailSandbox.reply("head@demo.millflow.io", subject, "APPROVE\nnot my task");
        // expired: signed with the server's secret, stored, but past its expiry
        String expired = expiredToken(task.getId(), "manager");
        MailSandbox.reply(MANAGER_MAIL, "Re: Approval needed [MF-" + expired + "]", "APPROVE\nlate");

        assertThat(outcome(MANAGER_MAIL, forged)).isEqualTo("FORGED");
        assertThat(outcome("head@demo.millflow.io", token)).isEqualTo("FOREIGN_SENDER");
        assertThat(outcome(MANAGER_MAIL, expired)).isEqualTo("EXPIRED");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_reply_token where task_id = ? and used_at is not null",
                Integer.class, task.getId())).isZero();

        // the approver's answer
        MailSandbox.reply(MANAGER_MAIL, subject, "APPROVE - fine by mail\nplease order soon\n\nOn Monday Millflow "
                + "wrote:\n> REJECT");
        assertThat(outcome(MANAGER_MAIL, token, "APPROVED")).isEqualTo("APPROVED");

        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getAssignee()).isEqualTo("manager");
        JsonNode requisition = api.get("/api/v1/purchase-requisitions/" + requisitionId,
                Tokens.user(port, "employee")).body();
        JsonNode approval = requisition.get("approvals").get(0);
        assertThat(approval.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(approval.get("decidedBy").asText()).isEqualTo("manager");
        assertThat(approval.get("comment").asText()).isEqualTo("fine by mail\nplease order soon");

        // the same answer again (a replay), even with another decision
        MailSandbox.reply(MANAGER_MAIL, subject, "REJECT\nchanged my mind");
        assertThat(outcome(MANAGER_MAIL, token, "REPLAYED")).isEqualTo("REPLAYED");
        assertThat(jdbc.queryForObject("select count(*) from audit_record where entity_type = 'Task' and entity_id = ? "
                + "and action = 'TASK_COMPLETED'", Integer.class, task.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select actor from audit_record where entity_type = 'Task' and entity_id = ? "
                + "and action = 'TASK_COMPLETED'", String.class, task.getId())).isEqualTo("manager");
        JsonNode after = api.get("/api/v1/purchase-requisitions/" + requisitionId, Tokens.user(port, "employee")).body();
        assertThat(after.get("approvals").get(0).get("decision").asText()).isEqualTo("APPROVED");

        // every reply is in the log (above) and in the audit trail
        assertThat(audited(forged)).containsExactly("MAIL_REPLY_FORGED");
        assertThat(audited(expired)).containsExactly("MAIL_REPLY_EXPIRED");
        assertThat(audited(token)).containsExactlyInAnyOrder("MAIL_REPLY_FOREIGN_SENDER", "MAIL_REPLY_APPROVED",
                "MAIL_REPLY_REPLAYED");

        // the approver is told that the replayed answer was not applied
        MailSandbox.drain(outbox);
        await().atMost(Duration.ofSeconds(20)).until(() -> MailSandbox.received(MANAGER_MAIL, "not applied").stream()
                .anyMatch(r -> MailSandbox.text(r).contains("used already")));
    }

    @Test
    void aTaskWithAFormIsNotDecidedByMailAndTheApproverIsToldWhy() throws Exception {
        FormFixtures.deploy(repository);
        String businessKey = "MAIL-FORM-" + UUID.randomUUID();
        String taskId = FormFixtures.start(runtime, tasks, "employee", businessKey);
        new TransactionTemplate(transactions).executeWithoutResult(s -> channel.sendNow(new Notification(
                UUID.randomUUID(), "finance", NotificationKind.APPROVAL_NEEDED, "Finance review", businessKey,
                "/inbox?task=" + taskId, Map.of("taskId", taskId, "name", "Finance review", "businessKey",
                        businessKey), Instant.now(), null)));
        MailSandbox.drain(outbox);
        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> MailSandbox.received(
                "finance@demo.millflow.io", businessKey), l -> l.size() == 1).get(0);
        Matcher m = TOKEN.matcher(mail.getSubject());
        assertThat(m.find()).isTrue();

        MailSandbox.reply("finance@demo.millflow.io", "Re: " + mail.getSubject(), "GENEHMIGEN\npasst");

        assertThat(outcome("finance@demo.millflow.io", m.group(1))).isEqualTo("FORM_REQUIRED");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_reply_token where task_id = ? and used_at is null",
                Integer.class, taskId)).as("the reference stays unused").isEqualTo(1);
        MailSandbox.drain(outbox);
        await().atMost(Duration.ofSeconds(20)).until(() -> MailSandbox.received("finance@demo.millflow.io",
                "not applied").stream().anyMatch(r -> MailSandbox.text(r).contains("has a form")));
    }

    /** The outcome of the reply from {@code from} whose subject contains {@code text}, once handled. */
    private String outcome(String from, String text) {
        return outcome(from, text, null);
    }

    private String outcome(String from, String text, String expected) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            replies.poll();
            List<String> found = jdbc.queryForList("select outcome from mail_inbound where from_address = ? and "
                    + "subject like ? and outcome <> 'RECEIVED' order by processed_at desc", String.class, from,
                    "%" + text + "%");
            if (expected != null) {
                return found.contains(expected) ? expected : null;
            }
            return found.isEmpty() ? null : found.get(0);
        }, o -> o != null);
    }

    /** Audit actions of inbound mails whose subject contained {@code text}. */
    private List<String> audited(String text) {
        return jdbc.queryForList("select action from audit_record where entity_type = 'InboundMail' and after_state "
                + "like ?", String.class, "%" + text + "%");
    }

    private String expiredToken(String taskId, String username) throws Exception {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiry = Instant.now().minus(Duration.ofHours(1));
        jdbc.update("insert into mail_reply_token (nonce, task_id, username, expires_at, created_at) values (?,?,?,?,?)",
                nonce, taskId, username, Timestamp.from(expiry), Timestamp.from(expiry.minus(Duration.ofDays(7))));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString((taskId + "|" + username + "|"
                + expiry.getEpochSecond() + "|" + nonce).getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MailSandbox.TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
