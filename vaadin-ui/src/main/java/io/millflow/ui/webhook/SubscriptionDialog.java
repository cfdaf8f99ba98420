package io.millflow.ui.webhook;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.millflow.shared.ProblemException;
import io.millflow.ui.Problems;
import io.millflow.webhook.WebhookViews;
import io.millflow.webhook.WebhookViews.IssuedSecret;
import io.millflow.webhook.WebhookViews.SubscriptionCommand;
import io.millflow.webhook.WebhookViews.SubscriptionView;
import io.millflow.webhook.Webhooks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Create or change a subscription; a new one shows its secret once. Roles: ADMIN (via {@link WebhooksView}). */
class SubscriptionDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final TextField url = new TextField("Target URL");
    private final Checkbox all = new Checkbox("All event types");
    private final MultiSelectComboBox<String> types = new MultiSelectComboBox<>("Event types");
    private final CheckboxGroup<String> capabilities = new CheckboxGroup<>("Only from (empty = any)");
    private final Checkbox active = new Checkbox("Active");
    private final Map<String, HasValidation> fields;

    SubscriptionDialog(Webhooks webhooks, SubscriptionView editing, Consumer<SubscriptionView> saved) {
        setHeaderTitle(editing == null ? "New webhook subscription" : "Change " + editing.name());
        setId("webhook-dialog");
        setWidth("640px");
        name.setId("webhook-name");
        url.setId("webhook-url");
        url.setPlaceholder("https://erp.example.com/millflow-events");
        url.setHelperText("https only; http to localhost outside production");
        all.setId("webhook-all");
        types.setId("webhook-types");
        types.setItems(webhooks.eventTypes());
        capabilities.setId("webhook-capabilities");
        capabilities.setItems(Webhooks.CAPABILITIES);
        active.setId("webhook-active");
        all.addValueChangeListener(e -> types.setEnabled(!e.getValue()));
        fields = Map.of("name", name, "url", url, "eventTypes", types, "capabilities", capabilities);
        if (editing == null) {
            active.setValue(true);
        } else {
            name.setValue(editing.name());
            url.setValue(editing.url());
            boolean allTypes = editing.eventTypes().contains(WebhookViews.ALL_EVENTS);
            all.setValue(allTypes);
            if (!allTypes) {
                types.setValue(new LinkedHashSet<>(editing.eventTypes()));
            }
            capabilities.setValue(new LinkedHashSet<>(editing.capabilities()));
            active.setValue(editing.active());
        }
        FormLayout form = new FormLayout(name, url, all, types, capabilities, active);
        form.setColspan(url, 2);
        form.setColspan(types, 2);
        form.setColspan(capabilities, 2);
        add(form);
        Button save = new Button(editing == null ? "Create" : "Save", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            List<String> chosen = all.getValue() ? List.of(WebhookViews.ALL_EVENTS) : new ArrayList<>(types.getValue());
            SubscriptionCommand cmd = new SubscriptionCommand(name.getValue(), url.getValue(), chosen,
                    new ArrayList<>(capabilities.getValue()), active.getValue(),
                    editing == null ? null : editing.version());
            try {
                if (editing == null) {
                    IssuedSecret issued = webhooks.create(cmd);
                    close();
                    new SecretDialog(issued).open();
                    saved.accept(issued.subscription());
                } else {
                    SubscriptionView view = webhooks.update(editing.id(), cmd);
                    close();
                    saved.accept(view);
                }
            } catch (ProblemException p) {
                HasValidation field = p.field() == null ? null : fields.get(p.field());
                if (field != null) {
                    field.setErrorMessage(p.getMessage());
                    field.setInvalid(true);
                } else {
                    Problems.show(p);
                }
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    /** Shows a secret the one time it can be seen. */
    static class SecretDialog extends Dialog {
        SecretDialog(IssuedSecret issued) {
            setHeaderTitle("Signing secret of " + issued.subscription().name());
            setId("webhook-secret-dialog");
            TextField secret = new TextField();
            secret.setId("webhook-secret");
            secret.setValue(issued.secret());
            secret.setReadOnly(true);
            secret.setWidthFull();
            add(new Paragraph("Copy it to the receiver now: Millflow shows it only this once and keeps it encrypted. "
                    + "Receivers check Millflow-Signature with it (README, \"Webhooks\")."), secret);
            setWidth("560px");
            Button done = new Button("I have copied it", e -> close());
            done.setId("webhook-secret-done");
            done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(done);
        }
    }
}
