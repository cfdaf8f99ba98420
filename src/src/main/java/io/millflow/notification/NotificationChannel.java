package io.millflow.notification;

import java.util.List;

/** A way to reach a person outside the app; the mail module is the one implementation. */
public interface NotificationChannel {
    /** Called inside the transaction that created the notification when the user's mode for its kind is
        IMMEDIATE. Must only enqueue (outbox row), never do network I/O here. */
    void sendNow(Notification notification);
    /** Called by C's digest job (own transaction) with the user's unread-since-last-digest items, oldest first,
        when the mode is DIGEST. Enqueue one digest mail. */
    void sendDigest(String username, List<Notification> items);
}
