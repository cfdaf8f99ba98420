package io.millflow.mail;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Mail templates per kind and language ({@code en}, {@code de}), seeded by migration V16. Reading, editing and
 * previewing: ADMIN only (every edit audited). Rendering for outgoing mails is internal.
 */
@Service
@Validated
public class MailTemplates {

    static final String ADMIN = "hasRole('ADMIN')";
    static final String ENTITY = "MailTemplate";

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    MailTemplates(JdbcTemplate jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private final RowMapper<MailTemplateView> rows = (rs, n) -> {
        MailTemplateKind kind = MailTemplateKind.valueOf(rs.getString("kind"));
        return new MailTemplateView(kind.name(), rs.getString("language"), rs.getString("subject"),
                rs.getString("body_text"), rs.getString("body_html"), kind.placeholders(), rs.getLong("version"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    };

    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public List<MailTemplateView> list() {
        return jdbc.query("select * from mail_template order by kind, language", rows);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public MailTemplateView get(String kind, String language) {
        return find(kind(kind), language(language));
    }

    /** Saves a template; 400 for unknown placeholders, 409 when {@code version} is not the stored one. */
    @Transactional
    @PreAuthorize(ADMIN)
    public MailTemplateView update(String kind, String language, @Valid TemplateCommand cmd) {
        MailTemplateKind k = kind(kind);
        String lang = language(language);
        check(k, cmd);
        MailTemplateView before = find(k, lang);
        if (cmd.version() != null && cmd.version() != before.version()) {
            throw new MailProblems.StaleTemplate(k.name(), lang, before.version());
        }
        String actor = CurrentUser.get().username();
        int changed = jdbc.update("update mail_template set subject = ?, body_text = ?, body_html = ?, "
                + "version = version + 1, updated_by = ?, updated_at = ? where kind = ? and language = ? and version = ?",
                cmd.subject(), cmd.text(), cmd.html(), actor, Timestamp.from(clock.instant()), k.name(), lang,
                before.version());
        if (changed == 0) {
            throw new MailProblems.StaleTemplate(k.name(), lang, find(k, lang).version());
        }
        MailTemplateView after = find(k, lang);
        audit.record(actor, "MAIL_TEMPLATE_CHANGED", ENTITY, k.name() + "/" + lang, snapshot(before), snapshot(after));
        return after;
    }

    /** The template (or an unsaved draft of it) filled with sample values. */
    @Transactional(readOnly = true)
    @PreAuthorize(ADMIN)
    public RenderedMail preview(String kind, String language, TemplateCommand draft) {
        MailTemplateKind k = kind(kind);
        String lang = language(language);
        MailTemplateView template = find(k, lang);
        if (draft != null) {
            check(k, draft);
            template = new MailTemplateView(k.name(), lang, draft.subject(), draft.text(), draft.html(),
                    k.placeholders(), template.version(), template.updatedBy(), template.updatedAt());
        }
        Map<String, String> values = k.sample(lang);
        Map<String, String> html = new HashMap<>();
        if (k == MailTemplateKind.DIGEST) {
            List<String[]> items = MailTemplateKind.sampleItems(lang);
            values.put("items", DigestItems.text(items, "https://millflow.example.com"));
            html.put("items", DigestItems.html(items, "https://millflow.example.com"));
        }
        return fill(template, values, html);
    }

    /** Renders the stored template of a kind in a language (English when the language has none). */
    @Transactional(readOnly = true)
    public RenderedMail render(MailTemplateKind kind, String language, Map<String, String> values,
            Map<String, String> htmlValues) {
        String lang = UserAccounts.LANGUAGES.contains(language) ? language : "en";
        return fill(find(kind, lang), values, htmlValues);
    }

    private static RenderedMail fill(MailTemplateView t, Map<String, String> values, Map<String, String> htmlValues) {
        Map<String, String> html = new HashMap<>(values);
        html.putAll(htmlValues);
        return new RenderedMail(TemplateRenderer.render(t.subject(), values, TemplateRenderer.Target.SUBJECT),
                TemplateRenderer.render(t.text(), values, TemplateRenderer.Target.TEXT),
                TemplateRenderer.render(t.html(), html, TemplateRenderer.Target.HTML));
    }

    private static void check(MailTemplateKind kind, TemplateCommand cmd) {
        if (cmd == null) {
            throw new ProblemException.InvalidInput("subject", "A template needs subject, text and html");
        }
        check(kind, "subject", cmd.subject());
        check(kind, "text", cmd.text());
        check(kind, "html", cmd.html());
        if (cmd.subject() != null && (cmd.subject().contains("\n") || cmd.subject().contains("\r"))) {
            throw new ProblemException.InvalidInput("subject", "The subject must be one line");
        }
    }

    private static void check(MailTemplateKind kind, String field, String template) {
        if (template == null || template.isBlank()) {
            throw new ProblemException.InvalidInput(field, field + " must not be empty");
        }
        Set<String> unknown = TemplateRenderer.unknownPlaceholders(template, kind.placeholders());
        if (!unknown.isEmpty()) {
            throw new MailProblems.UnknownPlaceholder(field, unknown, kind.placeholders());
        }
    }

    private MailTemplateView find(MailTemplateKind kind, String language) {
        return jdbc.query("select * from mail_template where kind = ? and language = ?", rows, kind.name(), language)
                .stream().findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("No template " + kind + "/" + language));
    }

    private static MailTemplateKind kind(String kind) {
        try {
            return MailTemplateKind.valueOf(kind == null ? "" : kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException.NotFound("No mail template kind " + kind + "; kinds: "
                    + Arrays.toString(MailTemplateKind.values()));
        }
    }

    private static String language(String language) {
        if (language == null || !UserAccounts.LANGUAGES.contains(language)) {
            throw new ProblemException.NotFound("No template language " + language + "; languages: en, de");
        }
        return language;
    }

    private static Map<String, Object> snapshot(MailTemplateView t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("subject", t.subject());
        s.put("text", t.text());
        s.put("html", t.html());
        s.put("version", t.version());
        return s;
    }
}
