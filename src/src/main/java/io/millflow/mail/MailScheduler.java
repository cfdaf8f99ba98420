package io.millflow.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox sender and the reply poller on every node ({@code @Scheduled}); both are safe to run on several
 * nodes at once (rows claimed with {@code skip locked}; replies logged once by Message-ID and tokens used once).
 * {@code millflow.mail.outbox.enabled=false} turns both off on a node.
 */
@Component
@ConditionalOnProperty(prefix = "millflow.mail.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
class MailScheduler {

    private static final Logger log = LoggerFactory.getLogger(MailScheduler.class);

    private final MailOutbox outbox;
    private final InboundReplies replies;

    MailScheduler(MailOutbox outbox, InboundReplies replies) {
        this.outbox = outbox;
        this.replies = replies;
    }

    @Scheduled(fixedDelayString = "${millflow.mail.outbox.poll-interval:15s}", initialDelayString = "${millflow.mail.outbox.poll-interval:15s}")
    void sendOutbox() {
        try {
            MailOutbox.SendReport report = outbox.sendDue();
            if (report.sent() + report.failed() + report.retryLater() + report.notSent() > 0) {
                log.info("Mail outbox: {}", report);
            }
        } catch (RuntimeException e) {
            log.warn("Mail outbox run failed: {}", e.toString());
        }
    }

    @Scheduled(fixedDelayString = "${millflow.mail.inbound.poll-interval:60s}", initialDelayString = "${millflow.mail.inbound.poll-interval:60s}")
    void pollReplies() {
        try {
            replies.poll();
        } catch (MailDeliveryException e) {
            log.warn("Reading mail replies failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Reading mail replies failed: {}", e.toString());
        }
    }
}
