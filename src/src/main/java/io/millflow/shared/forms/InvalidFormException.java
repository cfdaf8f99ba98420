package io.millflow.shared.forms;

import io.millflow.shared.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Submitted form data that the form's rules refuse: 400, problem type {@code invalid-form}, extension member
 * {@code errors} = [{field, message}]. The task stays open.
 */
public class InvalidFormException extends ProblemException {

    private final transient List<FormSchema.FieldError> errors;

    public InvalidFormException(List<FormSchema.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-form", "The form has errors: " + errors.stream()
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), null);
        this.errors = List.copyOf(errors);
        with("errors", this.errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    }

    /** The problems, in the form's order. */
    public List<FormSchema.FieldError> errors() {
        return errors;
    }

    /** The first message of each field, by field key. */
    public Map<String, String> byField() {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
        return byField;
    }
}
