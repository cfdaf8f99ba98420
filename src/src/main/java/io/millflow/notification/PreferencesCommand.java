package io.millflow.notification;

import java.util.List;

/**
 * Changes to a person's notification preferences; a null field (or a kind not listed) keeps its value.
 *
 * @param kinds entries with {@code kind} (a {@link NotificationKind} name), {@code inApp} and {@code mail}
 *              ({@code OFF}, {@code IMMEDIATE}, {@code DIGEST}); a null inApp or mail keeps that value
 */
public record PreferencesCommand(String language, Integer digestHour, List<Entry> kinds) {

    public record Entry(String kind, Boolean inApp, String mail) {
    }
}
