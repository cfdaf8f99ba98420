package io.millflow.ui.mail;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.mail.InboundReplies;
import io.millflow.mail.MailOutbox;
import io.millflow.mail.MailTemplateView;
import io.millflow.mail.MailTemplates;
import io.millflow.mail.OutboxMailView;
import io.millflow.mail.RenderedMail;
import io.millflow.mail.TemplateCommand;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/**
 * Mail templates per kind and language (edit with checked placeholders, preview with sample values), the outbox
 * (send failed mails again) and the log of mail replies. Roles: ADMIN.
 */
@Route(value = "admin/mail-templates", layout = MainLayout.class)
@PageTitle("Mail · Millflow")
@RolesAllowed("ADMIN")
public class MailTemplatesView extends VerticalLayout {

    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final InboundReplies replies;
    private final Grid<MailTemplateView> grid = new Grid<>(MailTemplateView.class, false);
    private final TextField subject = new TextField("Subject");
    private final TextArea text = new TextArea("Text");
    private final TextArea html = new TextArea("HTML");
    private final Span placeholders = new Span();
    private final Span error = new Span();
    private final Pre previewText = new Pre();
    private final IFrame previewHtml = new IFrame();
    private final Span previewSubject = new Span();
    private final Grid<OutboxMailView> outboxGrid = new Grid<>(OutboxMailView.class, false);
    private final Grid<InboundReplies.InboundView> replyGrid = new Grid<>(InboundReplies.InboundView.class, false);
    private MailTemplateView editing;

    public MailTemplatesView(MailTemplates templates, MailOutbox outbox, InboundReplies replies) {
        this.templates = templates;
        this.outbox = outbox;
        this.replies = replies;
        setSizeFull();
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("Templates", templatesTab());
        tabs.add("Outbox", outboxTab());
        tabs.add("Replies", repliesTab());
        add(new H3("Mail"), tabs);
        refresh();
    }

    private VerticalLayout templatesTab() {
        grid.setId("mail-template-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(MailTemplateView::kind).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(MailTemplateView::language).setHeader("Language").setAutoWidth(true);
        grid.addColumn(MailTemplateView::subject).setHeader("Subject").setFlexGrow(1);
        grid.addColumn(t -> t.updatedBy() + " · v" + t.version()).setHeader("Changed by").setAutoWidth(true);
        grid.setHeight("260px");
        grid.addSelectionListener(e -> edit(e.getFirstSelectedItem().orElse(null)));
        subject.setId("mail-template-subject");
        subject.setWidthFull();
        text.setId("mail-template-text");
        text.setWidthFull();
        text.setHeight("180px");
        html.setId("mail-template-html");
        html.setWidthFull();
        html.setHeight("180px");
        placeholders.setId("mail-template-placeholders");
        error.setId("mail-template-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save", e -> save());
        save.setId("mail-template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button preview = new Button("Preview", e -> preview());
        preview.setId("mail-template-preview");
        previewSubject.setId("mail-preview-subject");
        previewText.setId("mail-preview-text");
        // the preview runs no script: a sandboxed frame without allow-scripts
        previewHtml.getElement().setAttribute("sandbox", "");
        previewHtml.setId("mail-preview-html");
        previewHtml.setWidth("100%");
        previewHtml.setHeight("240px");
        VerticalLayout tab = new VerticalLayout(grid, placeholders, subject, text, html, error,
                new HorizontalLayout(save, preview), new H4("Preview"), previewSubject, previewText, previewHtml);
        tab.setPadding(false);
        edit(null);
        return tab;
    }

    private VerticalLayout outboxTab() {
        outboxGrid.setId("mail-outbox-grid");
        outboxGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        outboxGrid.addColumn(m -> m.createdAt() == null ? "" : m.createdAt().toString()).setHeader("Created")
                .setAutoWidth(true);
        outboxGrid.addColumn(OutboxMailView::kind).setHeader("Kind").setAutoWidth(true);
        outboxGrid.addColumn(m -> String.join(", ", m.to())).setHeader("To").setAutoWidth(true);
        outboxGrid.addColumn(OutboxMailView::subject).setHeader("Subject").setFlexGrow(1);
        outboxGrid.addColumn(OutboxMailView::status).setHeader("Status").setAutoWidth(true);
        outboxGrid.addColumn(m -> m.attempts() + "/" + m.maxAttempts()).setHeader("Attempts").setAutoWidth(true);
        outboxGrid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader("Last error").setFlexGrow(1);
        outboxGrid.addComponentColumn(m -> {
            Button resend = new Button("Send again", e -> resend(m));
            resend.setEnabled(m.status().equals("FAILED") || m.status().equals("NOT_SENT"));
            return resend;
        }).setAutoWidth(true);
        outboxGrid.setHeight("420px");
        Button reload = new Button("Reload", e -> refresh());
        VerticalLayout tab = new VerticalLayout(reload, outboxGrid);
        tab.setPadding(false);
        return tab;
    }

    private VerticalLayout repliesTab() {
        replyGrid.setId("mail-reply-grid");
        replyGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        replyGrid.addColumn(r -> r.processedAt().toString()).setHeader("Read").setAutoWidth(true);
        replyGrid.addColumn(r -> r.from() == null ? "" : r.from()).setHeader("From").setAutoWidth(true);
        replyGrid.addColumn(r -> r.subject() == null ? "" : r.subject()).setHeader("Subject").setFlexGrow(1);
        replyGrid.addColumn(InboundReplies.InboundView::outcome).setHeader("Outcome").setAutoWidth(true);
        replyGrid.addColumn(r -> r.detail() == null ? "" : r.detail()).setHeader("Detail").setFlexGrow(1);
        replyGrid.setHeight("420px");
        VerticalLayout tab = new VerticalLayout(replyGrid);
        tab.setPadding(false);
        return tab;
    }

    private void edit(MailTemplateView t) {
        editing = t;
        error.setText("");
        boolean on = t != null;
        subject.setEnabled(on);
        text.setEnabled(on);
        html.setEnabled(on);
        subject.setValue(on ? t.subject() : "");
        text.setValue(on ? t.text() : "");
        html.setValue(on ? t.html() : "");
        placeholders.setText(on ? "Placeholders: {{" + String.join("}}, {{", t.placeholders()) + "}}"
                : "Choose a template.");
    }

    private void save() {
        if (editing == null) {
            return;
        }
        try {
            MailTemplateView saved = templates.update(editing.kind(), editing.language(),
                    new TemplateCommand(subject.getValue(), text.getValue(), html.getValue(), editing.version()));
            Notification.show("Template " + saved.kind() + "/" + saved.language() + " saved");
            refresh();
            grid.select(grid.getListDataView().getItems().filter(t -> t.kind().equals(saved.kind())
                    && t.language().equals(saved.language())).findFirst().orElse(null));
        } catch (RuntimeException e) {
            error.setText(Problems.message(e));
        }
    }

    private void preview() {
        if (editing == null) {
            return;
        }
        try {
            RenderedMail mail = templates.preview(editing.kind(), editing.language(),
                    new TemplateCommand(subject.getValue(), text.getValue(), html.getValue(), null));
            error.setText("");
            previewSubject.setText(mail.subject());
            previewText.setText(mail.text());
            previewHtml.setSrcdoc(mail.html());
        } catch (RuntimeException e) {
            error.setText(Problems.message(e));
        }
    }

    private void resend(OutboxMailView m) {
        try {
            outbox.resend(UUID.fromString(m.id()));
            Notification.show("Mail queued again");
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void refresh() {
        grid.setItems(templates.list());
        outboxGrid.setItems(outbox.list(null, null, null, 0, 200).items());
        replyGrid.setItems(replies.list(null, 0, 200).items());
    }
}
