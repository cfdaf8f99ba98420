package io.millflow.mail;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Plain text of an HTML mail body, enough to find a reply's first line (no rendering). */
final class HtmlText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/tr|/h[1-6])\\b[^>]*>");
    private static final Pattern BLOCKQUOTE = Pattern.compile("(?is)<blockquote\\b.*?</blockquote>");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(head|style|script)\\b.*?</\\1>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");

    private HtmlText() {
    }

    static String toText(String html) {
        String s = HIDDEN.matcher(html).replaceAll("");
        s = BLOCKQUOTE.matcher(s).replaceAll("\n");
        s = BREAKS.matcher(s).replaceAll("\n");
        s = TAGS.matcher(s).replaceAll("");
        return HtmlUtils.htmlUnescape(s);
    }
}
