package io.millflow.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the decision of a mail reply: the first line that is not empty and not quoted must start with APPROVE or
 * REJECT (or a synonym, English or German); the rest of that line and the following lines up to the quoted
 * original are the comment.
 */
final class ReplyParser {

    static final Set<String> APPROVE = Set.of("APPROVE", "APPROVED", "YES", "OK", "GENEHMIGEN", "GENEHMIGT",
            "FREIGEBEN", "JA");
    static final Set<String> REJECT = Set.of("REJECT", "REJECTED", "NO", "DECLINE", "ABLEHNEN", "ABGELEHNT",
            "NEIN");

    /** Lines that start the quoted original in common mail clients, and signature separators. */
    private static final Pattern QUOTE_START = Pattern.compile("(?i)^(on .+ wrote:?|am .+ schrieb .+|-{2,} ?original"
            + " message ?-{2,}|-{2,} ?urspr(ü|ue)ngliche nachricht ?-{2,}|from: .+|von: .+|sent: .+|gesendet: .+|"
            + "_{10,}|-- ?)$");

    record Decision(boolean approved, String comment) {
    }

    private ReplyParser() {
    }

    static Optional<Decision> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int i = 0;
        while (i < lines.length && (lines[i].isBlank() || lines[i].stripLeading().startsWith(">"))) {
            i++;
        }
        if (i >= lines.length) {
            return Optional.empty();
        }
        String first = lines[i].strip();
        String word = first.split("[\\s:,.;!\\-]+", 2)[0].toUpperCase(Locale.ROOT);
        Boolean approved = APPROVE.contains(word) ? Boolean.TRUE : REJECT.contains(word) ? Boolean.FALSE : null;
        if (approved == null) {
            return Optional.empty();
        }
        StringBuilder comment = new StringBuilder(first.substring(Math.min(first.length(), word.length()))
                .replaceFirst("^[\\s:,.;!\\-]+", ""));
        for (int j = i + 1; j < lines.length; j++) {
            String line = lines[j].strip();
            if (line.startsWith(">") || QUOTE_START.matcher(line).matches()) {
                break;
            }
            if (comment.length() > 0 || !line.isEmpty()) {
                comment.append(comment.length() > 0 ? "\n" : "").append(line);
            }
        }
        String c = comment.toString().strip();
        if (c.length() > 2000) {
            c = c.substring(0, 2000);
        }
        return Optional.of(new Decision(approved, c.isEmpty() ? null : c));
    }
}
