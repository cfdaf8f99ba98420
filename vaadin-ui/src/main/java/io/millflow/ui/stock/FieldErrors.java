package io.millflow.ui.stock;

import com.vaadin.flow.component.HasValidation;
import io.millflow.shared.ProblemException;
import io.millflow.ui.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Puts the input errors a service answers with next to the fields they name (a problem's {@code field()} or a
 * violation's property path, e.g. {@code lines[0].quantity}).
 */
final class FieldErrors {

    private final Function<String, HasValidation> fieldOf;
    private final List<HasValidation> marked = new ArrayList<>();

    /** {@code fieldOf} finds the field of an input name, or null when the form has none for it. */
    FieldErrors(Function<String, HasValidation> fieldOf) {
        this.fieldOf = fieldOf;
    }

    void clear() {
        marked.forEach(f -> f.setInvalid(false));
        marked.clear();
    }

    /** Marks the fields the error names; true when every error found its field. */
    boolean show(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return p.field() != null && mark(p.field(), p.getMessage());
        }
        if (e instanceof ConstraintViolationException cv) {
            boolean all = true;
            for (ConstraintViolation<?> v : cv.getConstraintViolations()) {
                all &= mark(Problems.inputField(v.getPropertyPath().toString()), v.getMessage());
            }
            return all;
        }
        return false;
    }

    /** Marks one field with a message; false when the form has no field for {@code name}. */
    boolean mark(String name, String message) {
        HasValidation field = fieldOf.apply(name);
        if (field == null) {
            return false;
        }
        field.setErrorMessage(message);
        field.setInvalid(true);
        marked.add(field);
        return true;
    }
}
