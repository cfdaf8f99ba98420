package io.millflow.webhook;

import io.millflow.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** Problems only webhooks answer with. */
public final class WebhookProblems {

    private WebhookProblems() {
    }

    /** The target URL points where Millflow must not send (SSRF guard, ADR 0029): 400 {@code webhook-target-refused}. */
    public static class TargetRefused extends ProblemException {
        public TargetRefused(String message) {
            super(HttpStatus.BAD_REQUEST, "webhook-target-refused", message, "url");
        }
    }
}
