package io.millflow.ui.projects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.millflow.pms.CommentView;
import io.millflow.ui.Problems;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A task's comments, oldest first; known people mentioned with {@code @username} are highlighted. */
class CommentsPanel extends VerticalLayout {

    private static final Pattern MENTION = Pattern.compile("@([A-Za-z0-9][A-Za-z0-9._-]{0,63})");

    private final TaskDialogs services;
    private final UUID taskId;
    private final Div list = new Div();
    private final TextArea body = new TextArea("Comment");

    CommentsPanel(TaskDialogs services, UUID taskId, boolean writable) {
        this.services = services;
        this.taskId = taskId;
        setPadding(false);
        list.setId("task-comments");
        list.setWidthFull();
        body.setId("comment-body");
        body.setWidthFull();
        body.setMaxLength(8000);
        body.setHelperText("Mention someone with @username: they are told.");
        Button add = new Button("Add comment", e -> add());
        add.setId("comment-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        body.setVisible(writable);
        add.setVisible(writable);
        add(list, body, add);
        reload();
    }

    private void add() {
        try {
            services.comments.add(taskId, body.getValue());
            body.clear();
            body.setInvalid(false);
            reload();
        } catch (RuntimeException e) {
            if (e instanceof io.millflow.shared.ProblemException p && "body".equals(p.field())) {
                body.setErrorMessage(p.getMessage());
                body.setInvalid(true);
            } else {
                Problems.show(e);
            }
        }
    }

    void reload() {
        list.removeAll();
        List<CommentView> comments = services.comments.list(taskId);
        if (comments.isEmpty()) {
            list.add(new Paragraph("No comments yet."));
        }
        for (CommentView c : comments) {
            Div row = new Div();
            row.addClassName("comment");
            row.getElement().setAttribute("data-author", c.author());
            Span who = new Span(c.author() + " · " + TaskDialog.WHEN.format(c.createdAt()));
            who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Div text = new Div();
            text.addClassName("comment-body");
            text.getStyle().set("white-space", "pre-wrap");
            Matcher m = MENTION.matcher(c.body());
            int at = 0;
            while (m.find()) {
                if (c.mentions() != null && c.mentions().contains(m.group(1).replaceAll("[.]+$", ""))) {
                    text.add(new Span(c.body().substring(at, m.start())));
                    Span mention = new Span(m.group());
                    mention.addClassName("mention");
                    mention.getElement().setAttribute("data-user", m.group(1));
                    mention.getStyle().set("color", "var(--lumo-primary-text-color)").set("font-weight", "600");
                    text.add(mention);
                    at = m.end();
                }
            }
            text.add(new Span(c.body().substring(at)));
            row.add(who, text);
            row.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            list.add(row);
        }
    }
}
