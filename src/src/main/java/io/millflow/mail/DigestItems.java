package io.millflow.mail;

import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** The list of a digest mail, as text and as escaped HTML. Each item is {title, app-relative link or null}. */
final class DigestItems {

    private DigestItems() {
    }

    static String text(List<String[]> items, String publicUrl) {
        StringBuilder s = new StringBuilder();
        for (String[] item : items) {
            s.append("- ").append(item[0]);
            if (item[1] != null && !item[1].isBlank()) {
                s.append("\n  ").append(Links.absolute(publicUrl, item[1]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    static String html(List<String[]> items, String publicUrl) {
        StringBuilder s = new StringBuilder("<ul>");
        for (String[] item : items) {
            s.append("<li>");
            String title = HtmlUtils.htmlEscape(item[0], "UTF-8");
            if (item[1] != null && !item[1].isBlank()) {
                s.append("<a href=\"").append(HtmlUtils.htmlEscape(Links.absolute(publicUrl, item[1]), "UTF-8"))
                        .append("\">").append(title).append("</a>");
            } else {
                s.append(title);
            }
            s.append("</li>");
        }
        return s.append("</ul>").toString();
    }
}
