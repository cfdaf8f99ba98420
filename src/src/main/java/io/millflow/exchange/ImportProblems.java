package io.millflow.exchange;

import io.millflow.shared.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems an import answers with (RFC 7807 types {@code import-rejected}, {@code file-too-large}, {@code unreadable-file}). */
public final class ImportProblems {

    private ImportProblems() {
    }

    /** The file holds rows that cannot be written: nothing was written; {@code errors} lists row, column and message. */
    public static class Rejected extends ProblemException {
        private final List<RowError> errors;

        public Rejected(String kind, int rows, List<RowError> errors) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "import-rejected", "The " + kind + " file has " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + " in " + rows + " rows; nothing was written"
                    + (errors.isEmpty() ? "" : " (first: row " + errors.get(0).row() + ", " + errors.get(0).column()
                            + ": " + errors.get(0).message() + ")"), null);
            this.errors = List.copyOf(errors);
            with("kind", kind);
            with("rows", rows);
            with("errors", errors.stream().map(e -> Map.of("row", e.row(), "column", e.column(), "message",
                    e.message())).toList());
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    public static class FileTooLarge extends ProblemException {
        public FileTooLarge(long bytes, long max) {
            super(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "The file has " + bytes + " bytes; an import takes at most "
                    + max + " bytes", "file");
        }
    }

    public static class Unreadable extends ProblemException {
        public Unreadable(String message) {
            super(HttpStatus.BAD_REQUEST, "unreadable-file", message, "file");
        }
    }
}
