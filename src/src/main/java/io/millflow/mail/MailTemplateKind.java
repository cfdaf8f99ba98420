package io.millflow.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of mail that have a template, with the placeholders each may use and sample values for previews.
 * Placeholders in {@link #HTML_VALUES} are filled with HTML the mail module builds itself (escaped inside);
 * every other value is HTML-escaped in the HTML part.
 */
public enum MailTemplateKind {

    APPROVAL_NEEDED(List.of("recipientName", "taskName", "businessKey", "dueDate", "link", "replyToken")),
    TASK_ASSIGNED(List.of("recipientName", "title", "body", "link")),
    TASK_OVERDUE(List.of("recipientName", "title", "body", "link")),
    DIGEST(List.of("recipientName", "count", "items", "link")),
    /** Any other notification kind (milestone moved, webhook failed, kinds added later). */
    GENERIC(List.of("recipientName", "title", "body", "link")),
    PURCHASE_ORDER_SENT(List.of("supplierName", "poNumber", "revision", "total", "currency", "deliveryDate", "buyer",
            "companyName")),
    /** The answer to an approver whose mail reply could not be applied. */
    REPLY_REFUSED(List.of("recipientName", "subject", "reason", "link"));

    /** Placeholders whose values are HTML built by the mail module. */
    static final Set<String> HTML_VALUES = Set.of("items");

    private final List<String> placeholders;

    MailTemplateKind(List<String> placeholders) {
        this.placeholders = placeholders;
    }

    public List<String> placeholders() {
        return placeholders;
    }

    /** Values that show what a mail of this kind looks like. */
    public Map<String, String> sample(String language) {
        boolean de = "de".equals(language);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("recipientName", "Erika Mustermann");
        v.put("taskName", de ? "Bestellanforderung genehmigen" : "Approve purchase requisition");
        v.put("businessKey", "PR-2026-000042");
        v.put("dueDate", "2026-12-01");
        v.put("link", "https://millflow.example.com/inbox?task=00000000-0000-0000-0000-000000000000");
        v.put("replyToken", "SAMPLE-TOKEN");
        v.put("title", de ? "Aufgabe: Prüfplan erstellen" : "Task: write the inspection plan");
        v.put("body", de ? "Projekt P-100, fällig am 2026-12-03" : "Project P-100, due 2026-12-03");
        v.put("count", "2");
        v.put("items", "");
        v.put("supplierName", "ACME Industrial Supply GmbH");
        v.put("poNumber", "PO-2026-000123");
        v.put("revision", "1");
        v.put("total", "1,234.50");
        v.put("currency", "EUR");
        v.put("deliveryDate", "2026-12-15");
        v.put("buyer", "Bernd Buyer");
        v.put("companyName", "Millflow Manufacturing");
        v.put("subject", "Approval needed: PR-2026-000042");
        v.put("reason", de ? "die Referenz wurde schon verwendet" : "the reference was used already");
        v.keySet().retainAll(placeholders);
        return v;
    }

    /** Sample digest entries: text and HTML renderings of two notifications. */
    static List<String[]> sampleItems(String language) {
        boolean de = "de".equals(language);
        return List.of(new String[] {de ? "Neue Aufgabe: Angebot prüfen" : "New task: check the quote",
                "/inbox?task=1"}, new String[] {de ? "Überfällig: Wareneingang buchen" : "Overdue: post the goods receipt",
                "/projects"});
    }
}
