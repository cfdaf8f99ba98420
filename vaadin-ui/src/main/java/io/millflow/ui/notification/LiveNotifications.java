package io.millflow.ui.notification;

import io.millflow.notification.Notifications;
import io.millflow.ui.components.LiveFollowers;
import java.time.Duration;

/**
 * Keeps open bells current: follows the usernames {@link Notifications} announces (a notification stored on any node,
 * via PostgreSQL NOTIFY); notifications within {@link #COALESCE} of each other cause one refresh.
 */
@org.springframework.stereotype.Component
public class LiveNotifications extends LiveFollowers<String> {

    static final Duration COALESCE = Duration.ofMillis(50);

    LiveNotifications(Notifications notifications) {
        super("notifications", COALESCE, notifications::subscribe);
    }
}
