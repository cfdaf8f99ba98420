package io.millflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.mail.TemplateRenderer.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final List<String> ALLOWED = MailTemplateKind.TASK_ASSIGNED.placeholders();

    @Test
    void fillsPlaceholdersAndEscapesValuesInHtmlOnly() {
        Map<String, String> values = Map.of("title", "<script>alert(1)</script> & co", "recipientName", "Ann");

        assertThat(TemplateRenderer.render("<p>{{ title }} for {{recipientName}}</p>", values, Target.HTML))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co for Ann</p>");
        assertThat(TemplateRenderer.render("{{title}}", values, Target.TEXT))
                .isEqualTo("<script>alert(1)</script> & co");
    }

    @Test
    void valuesCannotAddHeadersToTheSubject() {
        assertThat(TemplateRenderer.render("Task: {{title}}", Map.of("title", "a\r\nBcc: evil@example.com"),
                Target.SUBJECT)).isEqualTo("Task: a Bcc: evil@example.com");
    }

    @Test
    void valuesAreNotTemplatesThemselves() {
        assertThat(TemplateRenderer.render("{{title}}", Map.of("title", "{{recipientName}} $1 \\"), Target.TEXT))
                .isEqualTo("{{recipientName}} $1 \\");
    }

    @Test
    void findsUnknownAndMalformedPlaceholders() {
        assertThat(TemplateRenderer.unknownPlaceholders("Hi {{recipientName}}, {{title}}", ALLOWED)).isEmpty();
        assertThat(TemplateRenderer.unknownPlaceholders("{{password}} {{ title }} {{T.class}}", ALLOWED))
                .contains("password").anyMatch(s -> s.startsWith("{{T.class"));
        assertThat(TemplateRenderer.unknownPlaceholders("{{{title}}}", ALLOWED)).isNotEmpty();
    }

    @Test
    void theHtmlOfTheDigestListIsBuiltEscaped() {
        String html = DigestItems.html(List.<String[]>of(new String[] {"<b>x</b>", "/inbox?task=1&a=2"}),
                "https://mf.example/");
        assertThat(html).isEqualTo("<ul><li><a href=\"https://mf.example/inbox?task=1&amp;a=2\">&lt;b&gt;x&lt;/b&gt;"
                + "</a></li></ul>");
    }
}
