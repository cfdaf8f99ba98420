package io.millflow.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.millflow.shared.ProblemException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/** Readable messages for the errors services answer with. */
public final class Problems {

    private Problems() {
    }

    public static String message(RuntimeException e) {
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

    public static void show(RuntimeException e) {
        Notification n = Notification.show(message(e), 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("error-notification");
    }

    public static String lastSegment(String path) {
        return path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    }

    /**
     * The input field a violation names, as a problem's {@code field()} does: the property path without the
     * method and parameter (e.g. {@code post.cmd.lines[0].quantity} becomes {@code lines[0].quantity}).
     */
    public static String inputField(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : lastSegment(propertyPath);
    }
}
