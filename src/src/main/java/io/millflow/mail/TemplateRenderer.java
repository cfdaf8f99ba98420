package io.millflow.mail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Fills {@code {{name}}} placeholders, nothing more: no expressions, no loops, no code. Values are HTML-escaped in
 * HTML templates (except the few the mail module builds as HTML itself, {@link MailTemplateKind#HTML_VALUES});
 * line breaks are removed from values in subjects, so no value can add a mail header.
 */
final class TemplateRenderer {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    /** Leftover braces that look like a placeholder but are not one, e.g. {@code {{ a.b }}} or {@code {{{x}}}}. */
    private static final Pattern MALFORMED = Pattern.compile("\\{\\{|}}");

    enum Target { SUBJECT, TEXT, HTML }

    private TemplateRenderer() {
    }

    /** The placeholders a template uses that {@code allowed} does not have, and malformed ones. */
    static Set<String> unknownPlaceholders(String template, List<String> allowed) {
        Set<String> unknown = new LinkedHashSet<>();
        if (template == null) {
            return unknown;
        }
        if (template.contains("{{{") || template.contains("}}}")) {
            // triple braces (unescaped output in Mustache) are not offered
            unknown.add("{{{...}}}");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        Matcher malformed = MALFORMED.matcher(rest);
        if (malformed.find()) {
            int at = malformed.start();
            unknown.add(rest.substring(at, Math.min(rest.length(), at + 20)).strip());
        }
        return unknown;
    }

    static String render(String template, Map<String, String> values, Target target) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.getOrDefault(name, "");
            if (value == null) {
                value = "";
            }
            String filled = switch (target) {
                case SUBJECT -> value.replaceAll("[\\r\\n\\t]+", " ");
                case TEXT -> value;
                case HTML -> MailTemplateKind.HTML_VALUES.contains(name) ? value : HtmlUtils.htmlEscape(value, "UTF-8");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        m.appendTail(out);
        String result = out.toString();
        return target == Target.SUBJECT ? result.replaceAll("[\\r\\n]+", " ").strip() : result;
    }
}
