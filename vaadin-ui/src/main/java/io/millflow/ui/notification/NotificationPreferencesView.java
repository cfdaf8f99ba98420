package io.millflow.ui.notification;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.notification.KindPreference;
import io.millflow.notification.MailMode;
import io.millflow.notification.NotificationKind;
import io.millflow.notification.NotificationPreferences;
import io.millflow.notification.Notifications;
import io.millflow.notification.PreferencesCommand;
import io.millflow.notification.PreferencesView;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The signed-in person's notification preferences: language, digest hour, and per kind in-app on/off and mail off,
 * immediately or in the daily digest. Saving is all or nothing (a refused value says why). Roles: every role.
 */
@Route(value = "me/notifications", layout = MainLayout.class)
@PageTitle("Notification preferences · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "SUPPLIER",
        "ADMIN"})
public class NotificationPreferencesView extends VerticalLayout {

    static final Map<NotificationKind, String> LABELS = Map.of(
            NotificationKind.APPROVAL_NEEDED, "Approval needed",
            NotificationKind.TASK_ASSIGNED, "Task assigned to me",
            NotificationKind.TASK_OVERDUE, "Task overdue",
            NotificationKind.PURCHASE_ORDER_SENT, "Purchase order sent",
            NotificationKind.MILESTONE_MOVED, "Milestone moved",
            NotificationKind.WEBHOOK_FAILED, "Webhook failed");
    static final Map<MailMode, String> MAIL = Map.of(MailMode.OFF, "Off", MailMode.IMMEDIATE, "Immediately",
            MailMode.DIGEST, "Daily digest");

    private final NotificationPreferences preferences;
    private final String me;
    private final Select<String> language = new Select<>();
    private final Select<Integer> digestHour = new Select<>();
    private final Map<NotificationKind, Checkbox> inApp = new EnumMap<>(NotificationKind.class);
    private final Map<NotificationKind, Select<MailMode>> mail = new EnumMap<>(NotificationKind.class);

    public NotificationPreferencesView(NotificationPreferences preferences, Notifications notifications) {
        this.preferences = preferences;
        this.me = notifications.ownUsername();
        setMaxWidth("60rem");
        language.setId("pref-language");
        language.setLabel("Language of notifications and mails");
        language.setItems("en", "de");
        language.setItemLabelGenerator(l -> "de".equals(l) ? "Deutsch" : "English");
        digestHour.setId("pref-digest-hour");
        digestHour.setLabel("Daily digest at");
        digestHour.setItems(IntStream.range(0, 24).boxed().toList());
        digestHour.setItemLabelGenerator(h -> String.format("%02d:00", h));
        add(new H3("Notification preferences"), new HorizontalLayout(language, digestHour));
        for (NotificationKind kind : NotificationKind.values()) {
            Span label = new Span(LABELS.getOrDefault(kind, kind.name()));
            label.setWidth("14rem");
            Checkbox app = new Checkbox("In the app");
            app.setId("pref-" + kind.name() + "-inapp");
            Select<MailMode> m = new Select<>();
            m.setId("pref-" + kind.name() + "-mail");
            m.setItems(MailMode.values());
            m.setItemLabelGenerator(MAIL::get);
            inApp.put(kind, app);
            mail.put(kind, m);
            m.setAriaLabel("Mail for " + label.getText());
            HorizontalLayout row = new HorizontalLayout(label, app, new Span("Mail:"), m);
            row.setAlignItems(Alignment.CENTER);
            row.addClassName("pref-row");
            add(row);
        }
        Button save = new Button("Save", e -> save());
        save.setId("pref-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(save);
        show(preferences.of(me));
    }

    private void show(PreferencesView view) {
        language.setValue(view.language());
        digestHour.setValue(view.digestHour());
        for (KindPreference k : view.kinds()) {
            inApp.get(k.kind()).setValue(k.inApp());
            mail.get(k.kind()).setValue(k.mail());
        }
    }

    private void save() {
        List<PreferencesCommand.Entry> kinds = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            MailMode m = mail.get(kind).getValue();
            kinds.add(new PreferencesCommand.Entry(kind.name(), inApp.get(kind).getValue(), m == null ? null : m.name()));
        }
        try {
            show(preferences.update(me, me, new PreferencesCommand(language.getValue(), digestHour.getValue(), kinds)));
            Notification n = Notification.show("Preferences saved", 3000, Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            n.setId("pref-saved");
        } catch (RuntimeException ex) {
            Problems.show(ex);
        }
    }
}
