package io.millflow.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.millflow.shared.ProblemException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/** Readable messages for the errors services answer with. */
final class Problems {

    private Problems() {
    }

    static String message(RuntimeException e) {
        if (e instanceof ProblemException p) {
            return p.field() == null ? p.getMessage() : p.field() + " " + p.getMessage();
        }
        if (e instanceof ConstraintViolationException cv) {
            return cv.getConstraintViolations().stream()
                    .map(v -> lastSegment(v.getPropertyPath().toString()) + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
        }
        if (e instanceof AccessDeniedException) {
            return "Your roles do not allow this action.";
        }
        if (e instanceof org.operaton.bpm.engine.OptimisticLockingException
                || e instanceof org.springframework.dao.OptimisticLockingFailureException) {
            return "Somebody else changed this at the same time; reload and try again.";
        }
        return "Something went wrong: " + e.getMessage();
    }

    static void show(RuntimeException e) {
        Notification n = Notification.show(message(e), 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
    }

    static String lastSegment(String path) {
        return path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    }
}
