package io.millflow.mail;

import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mail templates, the outbox and the log of mail replies. Roles: ADMIN only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class MailController {

    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final InboundReplies replies;

    MailController(MailTemplates templates, MailOutbox outbox, InboundReplies replies) {
        this.templates = templates;
        this.outbox = outbox;
        this.replies = replies;
    }

    @GetMapping("/api/v1/mail-templates")
    @Operation(summary = "All mail templates with the placeholders of their kind (ADMIN)")
    List<MailTemplateView> templates() {
        return templates.list();
    }

    @GetMapping("/api/v1/mail-templates/{kind}/{language}")
    @Operation(summary = "One mail template (ADMIN)")
    MailTemplateView template(@PathVariable String kind, @PathVariable String language) {
        return templates.get(kind, language);
    }

    @PutMapping("/api/v1/mail-templates/{kind}/{language}")
    @Operation(summary = "Change a mail template; 400 unknown-placeholder, 409 stale-template (ADMIN, audited)")
    MailTemplateView update(@PathVariable String kind, @PathVariable String language,
            @Valid @RequestBody TemplateCommand cmd) {
        return templates.update(kind, language, cmd);
    }

    @PostMapping("/api/v1/mail-templates/{kind}/{language}/preview")
    @Operation(summary = "The template, or the draft in the body, filled with sample values (ADMIN)")
    RenderedMail preview(@PathVariable String kind, @PathVariable String language,
            @RequestBody(required = false) @Valid TemplateCommand draft) {
        return templates.preview(kind, language, draft);
    }

    @GetMapping("/api/v1/mail-outbox")
    @Operation(summary = "Mails of the outbox, newest first; status PENDING, SENT, FAILED or NOT_SENT (ADMIN)")
    PageView<OutboxMailView> outbox(@RequestParam(required = false) String status,
            @RequestParam(required = false) String referenceType, @RequestParam(required = false) String referenceId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return outbox.list(status, referenceType, referenceId, page, size);
    }

    @PostMapping("/api/v1/mail-outbox/{id}/resend")
    @Operation(summary = "Send a FAILED or NOT_SENT mail again (ADMIN, audited)")
    OutboxMailView resend(@PathVariable UUID id) {
        return outbox.resend(id);
    }

    @GetMapping("/api/v1/mail-replies")
    @Operation(summary = "Mail replies read from the reply mailbox with their outcome, newest first (ADMIN)")
    PageView<InboundReplies.InboundView> replies(@RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return replies.list(outcome, page, size);
    }
}
