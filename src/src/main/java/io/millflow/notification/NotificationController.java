package io.millflow.notification;

import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's notifications and notification preferences. Roles: every role (each person sees and
 * changes only their own; another person's notification answers 404); a client that is no user account (client
 * credentials) gets 403, no token 401.
 */
@RestController
@Tag(name = "Notifications")
@PreAuthorize("hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE','PROCESS_OWNER',"
        + "'SUPPLIER','ADMIN')")
class NotificationController {

    private final Notifications notifications;
    private final NotificationPreferences preferences;

    NotificationController(Notifications notifications, NotificationPreferences preferences) {
        this.notifications = notifications;
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/me/notifications")
    @Operation(summary = "My notifications, newest first")
    PageView<Notification> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return notifications.mine(unread, page, size);
    }

    @GetMapping("/api/v1/me/notifications/count")
    @Operation(summary = "How many of my notifications are unread")
    Map<String, Long> count() {
        return Map.of("unread", notifications.unreadCount());
    }

    @PostMapping("/api/v1/me/notifications/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    Notification read(@PathVariable UUID id) {
        return notifications.markRead(id);
    }

    @PostMapping("/api/v1/me/notifications/read-all")
    @Operation(summary = "Mark all my notifications read")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead());
    }

    @GetMapping("/api/v1/me/notification-preferences")
    @Operation(summary = "My notification preferences (defaults filled in)")
    PreferencesView preferences() {
        return preferences.of(me());
    }

    @PutMapping("/api/v1/me/notification-preferences")
    @Operation(summary = "Change my notification preferences: language, digest hour, in-app and mail per kind")
    PreferencesView update(@RequestBody PreferencesCommand body) {
        String me = me();
        return preferences.update(me, me, body);
    }

    private String me() {
        return notifications.ownUsername();
    }
}
