package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mail templates, outbox and reply log over REST: ADMIN only; checked placeholders; audited edits; preview. */
@AppTest
class MailTemplateApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"employee", "manager", "buyer", "finance", "warehouse", "owner", "supplier"})
    void onlyAdminReachesTheMailEndpoints(String user) {
        Api api = new Api(port);
        String token = Tokens.user(port, user);
        assertThat(api.get("/api/v1/mail-templates", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/mail-templates/TASK_ASSIGNED/en", token).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/mail-templates/TASK_ASSIGNED/en", token, command("Hi {{title}}", 0L)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/mail-templates/TASK_ASSIGNED/en/preview", token, null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/mail-outbox", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/mail-replies", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/mail-templates", null).status()).isEqualTo(401);
    }

    @Test
    void everyKindHasEnglishAndGermanTemplatesWithTheirPlaceholders() {
        JsonNode all = new Api(port).get("/api/v1/mail-templates", Tokens.user(port, "admin")).body();
        assertThat(all).hasSize(14);
        for (JsonNode t : all) {
            assertThat(t.get("language").asText()).isIn("en", "de");
            assertThat(t.get("placeholders").size()).isPositive();
        }
    }

    @Test
    void anAdminEditsATemplateAuditedAndUnknownPlaceholdersOrStaleVersionsAreRefused() {
        Api api = new Api(port);
        String admin = Tokens.user(port, "admin");
        JsonNode before = api.get("/api/v1/mail-templates/TASK_OVERDUE/de", admin).body();
        long version = before.get("version").asLong();

        Api.Response unknown = api.put("/api/v1/mail-templates/TASK_OVERDUE/de", admin,
                command("Überfällig: {{title}} {{password}}", version));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("type").asText()).endsWith("/unknown-placeholder");
        assertThat(unknown.body().get("unknown").get(0).asText()).isEqualTo("password");
        assertThat(unknown.body().get("field").asText()).isEqualTo("subject");
        Api.Response code = api.put("/api/v1/mail-templates/TASK_OVERDUE/de", admin,
                command("Überfällig: {{T(java.lang.Runtime).getRuntime()}}", version));
        assertThat(code.status()).isEqualTo(400);
        Api.Response blank = api.put("/api/v1/mail-templates/TASK_OVERDUE/de", admin, command("", version));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(api.put("/api/v1/mail-templates/NO_SUCH_KIND/de", admin, command("x", version)).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/mail-templates/TASK_OVERDUE/fr", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/mail-templates/TASK_OVERDUE/de", admin).body().get("subject").asText())
                .isEqualTo(before.get("subject").asText());

        Api.Response saved = api.put("/api/v1/mail-templates/TASK_OVERDUE/de", admin,
                command("Überfällig seit heute: {{title}}", version));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.body().get("version").asLong()).isEqualTo(version + 1);
        assertThat(saved.body().get("updatedBy").asText()).isEqualTo("admin");
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'MAIL_TEMPLATE_CHANGED' and "
                + "entity_id = 'TASK_OVERDUE/de' and actor = 'admin' and after_state like '%seit heute%'", Integer.class))
                .isEqualTo(1);

        Api.Response stale = api.put("/api/v1/mail-templates/TASK_OVERDUE/de", admin,
                command("Alt: {{title}}", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("type").asText()).endsWith("/stale-template");

        // put it back for other tests
        assertThat(api.put("/api/v1/mail-templates/TASK_OVERDUE/de", admin, Map.of("subject",
                before.get("subject").asText(), "text", before.get("text").asText(), "html",
                before.get("html").asText(), "version", version + 1)).status()).isEqualTo(200);
    }

    @Test
    void previewFillsSampleValuesAndEscapesThemInHtml() {
        Api api = new Api(port);
        String admin = Tokens.user(port, "admin");
        Api.Response stored = api.post("/api/v1/mail-templates/APPROVAL_NEEDED/en/preview", admin, null);
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        assertThat(stored.body().get("subject").asText()).isEqualTo(
                "Approval needed: Approve purchase requisition PR-2026-000042 [MF-SAMPLE-TOKEN]");

        Map<String, Object> draft = command("{{title}}", null);
        draft.put("html", "<p>{{body}}</p>{{items}}");
        Api.Response digest = api.post("/api/v1/mail-templates/DIGEST/de/preview", admin,
                Map.of("subject", "{{count}} Neuigkeiten", "text", "{{items}}", "html", "<div>{{items}}</div>"));
        assertThat(digest.status()).as(digest.raw()).isEqualTo(200);
        assertThat(digest.body().get("subject").asText()).isEqualTo("2 Neuigkeiten");
        assertThat(digest.body().get("html").asText()).startsWith("<div><ul><li><a href=");
        assertThat(digest.body().get("text").asText()).contains("- Neue Aufgabe: Angebot prüfen");
        assertThat(api.post("/api/v1/mail-templates/TASK_ASSIGNED/en/preview", admin, draft).status()).isEqualTo(400);
    }

    private static Map<String, Object> command(String subject, Long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("text", "Hallo {{recipientName}}, {{body}} {{link}}");
        body.put("html", "<p>Hallo {{recipientName}}</p>");
        body.put("version", version);
        return body;
    }
}
