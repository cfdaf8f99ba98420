package io.millflow.notification;

/** How a person wants to hear about one kind of notification: in the app, and by mail (now, in the digest, not). */
public record KindPreference(NotificationKind kind, boolean inApp, MailMode mail) {
}
