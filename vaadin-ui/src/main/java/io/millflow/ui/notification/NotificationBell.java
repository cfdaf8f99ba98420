package io.millflow.ui.notification;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import io.millflow.notification.Notification;
import io.millflow.notification.Notifications;
import io.millflow.ui.Problems;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The bell in the header: the number of unread notifications, live (a notification stored for this person on any
 * node updates it through server push, without reload). A click opens a panel with the latest notifications (title,
 * time, text); clicking one marks it read and opens its link; "Mark all read"; a link to the preferences.
 */
public class NotificationBell extends Div {

    static final int LATEST = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final Notifications notifications;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private final Div panel = new Div();
    private final Div list = new Div();

    public NotificationBell(Notifications notifications, LiveNotifications live, String username) {
        this.notifications = notifications;
        setId("notification-bell");
        getStyle().set("position", "relative");
        bell.setId("notification-bell-button");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel("Notifications");
        bell.addClickListener(e -> toggle());
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error pill small");
        count.getStyle().set("position", "absolute").set("top", "0").set("right", "0").set("pointer-events", "none");

        Button readAll = new Button("Mark all read", e -> {
            try {
                notifications.markAllRead();
                refresh();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        readAll.setId("notifications-read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        RouterLink preferences = new RouterLink("Preferences", NotificationPreferencesView.class);
        preferences.setId("notification-preferences-link");
        preferences.getElement().addEventListener("click", e -> panel.setVisible(false));
        HorizontalLayout actions = new HorizontalLayout(readAll, preferences);
        actions.setAlignItems(HorizontalLayout.Alignment.CENTER);
        actions.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        actions.setWidthFull();
        list.setId("notification-list");
        panel.setId("notification-panel");
        panel.add(actions, list);
        panel.setVisible(false);
        panel.getStyle().set("position", "absolute").set("right", "0").set("top", "100%").set("z-index", "100")
                .set("width", "min(24rem, 90vw)").set("max-height", "70vh").set("overflow", "auto")
                .set("background", "var(--lumo-base-color)").set("box-shadow", "var(--lumo-box-shadow-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-s)");
        add(bell, count, panel);
        refreshCount();
        live.follow(this, username::equals, this::refresh);
    }

    private void toggle() {
        panel.setVisible(!panel.isVisible());
        if (panel.isVisible()) {
            refreshList();
        }
    }

    private void refresh() {
        refreshCount();
        if (panel.isVisible()) {
            refreshList();
        }
    }

    private void refreshCount() {
        long unread = notifications.unreadCount();
        count.setText(Long.toString(unread));
        count.getElement().setAttribute("data-count", Long.toString(unread));
        count.getStyle().set("display", unread > 0 ? "inline-flex" : "none"); // kept in the page: tests read data-count
    }

    private void refreshList() {
        list.removeAll();
        var latest = notifications.mine(false, 0, LATEST).items();
        if (latest.isEmpty()) {
            Span none = new Span("No notifications yet.");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            list.add(none);
        }
        for (Notification n : latest) {
            list.add(item(n));
        }
    }

    private Div item(Notification n) {
        Div item = new Div();
        item.addClassName("notification-item");
        item.getElement().setAttribute("data-id", n.id().toString());
        item.getElement().setAttribute("data-kind", n.kind().name());
        item.getElement().setAttribute("data-unread", Boolean.toString(n.readAt() == null));
        Span title = new Span(n.title());
        title.addClassName("notification-title");
        title.getStyle().set("font-weight", n.readAt() == null ? "600" : "400").set("display", "block");
        Span when = new Span(ago(n.createdAt()));
        when.getElement().setAttribute("title", TIME.format(n.createdAt()));
        when.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        item.add(title);
        if (n.body() != null) {
            Span body = new Span(n.body());
            body.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
            item.add(body);
        }
        item.add(when);
        item.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-s)").set("cursor", "pointer")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        item.getElement().setAttribute("tabindex", "0");
        item.addClickListener(e -> open(n));
        item.getElement().addEventListener("keydown", e -> open(n)).setFilter("event.key === 'Enter'");
        return item;
    }

    private void open(Notification n) {
        try {
            notifications.markRead(n.id());
        } catch (RuntimeException ex) {
            Problems.show(ex);
            return;
        }
        panel.setVisible(false);
        refreshCount();
        if (n.link() != null) {
            UI.getCurrent().navigate(n.link().substring(1));
        }
    }

    static String ago(Instant at) {
        Duration d = Duration.between(at, Instant.now());
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return TIME.format(at);
    }
}
