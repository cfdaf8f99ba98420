package io.millflow.notification;

import java.util.List;

/**
 * A person's notification preferences: the language notifications and mails are written in ({@code en}, {@code de}),
 * the hour of the daily digest (0-23, server time zone) and one entry per {@link NotificationKind}, in enum order.
 */
public record PreferencesView(String language, int digestHour, List<KindPreference> kinds) {

    public KindPreference of(NotificationKind kind) {
        return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
    }
}
