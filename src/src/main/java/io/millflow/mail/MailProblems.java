package io.millflow.mail;

import io.millflow.shared.ProblemException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** Problems the mail endpoints answer with. */
final class MailProblems {

    private MailProblems() {
    }

    /** 400 {@code unknown-placeholder}: a template names a placeholder its kind does not have. */
    static final class UnknownPlaceholder extends ProblemException {
        UnknownPlaceholder(String field, Set<String> unknown, List<String> allowed) {
            super(HttpStatus.BAD_REQUEST, "unknown-placeholder", "Unknown placeholder(s) in " + field + ": "
                    + String.join(", ", unknown) + "; this kind of mail knows {{" + String.join("}}, {{", allowed)
                    + "}}", field);
            with("unknown", List.copyOf(unknown));
            with("allowed", allowed);
        }
    }

    /** 409 {@code stale-template}: somebody saved the template since it was read. */
    static final class StaleTemplate extends ProblemException {
        StaleTemplate(String kind, String language, long current) {
            super(HttpStatus.CONFLICT, "stale-template", "Template " + kind + "/" + language
                    + " was changed by somebody else meanwhile (now version " + current + "); reload it", null);
            with("currentVersion", current);
        }
    }
}
