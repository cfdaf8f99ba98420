package io.millflow.workbench;

import io.millflow.shared.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The problems the workbench answers with (RFC 7807 types {@code invalid-model}, {@code model-too-large}, …). */
public final class ModelErrors {

    private ModelErrors() {
    }

    /** The input cannot be read as a model of the expected kind (not XML/JSON, DOCTYPE, wrong root, engine parse). */
    public static class InvalidModel extends ProblemException {
        public InvalidModel(String message) {
            super(HttpStatus.BAD_REQUEST, "invalid-model", message, null);
        }
    }

    /** More than {@link ModelChecks#MAX_BYTES}. */
    public static class ModelTooLarge extends ProblemException {
        public ModelTooLarge(long bytes) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, "model-too-large", "The model has " + bytes + " bytes; at most "
                    + ModelChecks.MAX_BYTES + " (5 MB) are accepted", null);
        }
    }

    /** The checks found errors; the property {@code problems} lists every problem. */
    public static class ModelRejected extends ProblemException {
        public ModelRejected(CheckReport report) {
            super(HttpStatus.BAD_REQUEST, "model-rejected", "The model has " + report.errors().size()
                    + " error(s) and was not deployed: " + summary(report.errors()), null);
            with("problems", report.problems());
            with("key", report.key());
        }

        private static String summary(List<ModelProblem> errors) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < errors.size() && i < 5; i++) {
                ModelProblem p = errors.get(i);
                s.append(i == 0 ? "" : "; ").append(p.elementId() == null ? "" : p.elementId() + ": ")
                        .append(p.message()).append(" (").append(p.ruleId()).append(')');
            }
            if (errors.size() > 5) {
                s.append("; …");
            }
            return s.toString();
        }
    }

    /** The draft was saved by somebody else since the caller read it. */
    public static class StaleDraft extends ProblemException {
        public StaleDraft(String message) {
            super(HttpStatus.CONFLICT, "stale-draft", message, null);
        }
    }
}
