package io.millflow.ui.calendar;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.millflow.calendar.CalendarFeeds;
import io.millflow.calendar.FeedView;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * My calendar feeds: secret iCalendar URLs of my tasks' due dates, my projects' milestones and my allocations, to
 * subscribe to in Outlook or any calendar; make one (its URL is shown once), revoke one. Roles: every internal role.
 */
@Route(value = "me/calendar", layout = MainLayout.class)
@PageTitle("My calendar · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class MyCalendarView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final CalendarFeeds feeds;
    private final Grid<FeedView> grid = new Grid<>();
    private final TextField label = new TextField("Name of the new feed");
    private final TextField created = new TextField("Your new feed URL (copy it now: it is not shown again)");

    public MyCalendarView(CalendarFeeds feeds) {
        this.feeds = feeds;
        setMaxWidth("1000px");
        add(new H3("My calendar"));
        add(new Paragraph("Subscribe to your Millflow calendar (due dates of your tasks, milestones of your projects, "
                + "your allocations) in Outlook, Google Calendar or any other calendar that takes an iCalendar URL. "
                + "Anyone who has the URL sees the calendar: revoke it when it may have leaked."));
        label.setId("feed-label");
        label.setPlaceholder("e.g. Outlook on my laptop");
        label.setMaxLength(100);
        label.setWidth("320px");
        Button create = new Button("New feed URL", e -> create());
        create.setId("feed-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(label, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        created.setId("feed-url");
        created.setReadOnly(true);
        created.setWidthFull();
        created.setVisible(false);
        grid.setId("feeds");
        grid.addColumn(FeedView::label).setHeader("Name").setAutoWidth(true);
        grid.addColumn(f -> WHEN.format(f.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(f -> f.lastUsedAt() == null ? "never" : WHEN.format(f.lastUsedAt())).setHeader("Last read")
                .setAutoWidth(true);
        grid.addColumn(f -> f.revokedAt() == null ? "active" : "revoked " + WHEN.format(f.revokedAt()))
                .setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(f -> {
            Button revoke = new Button("Revoke", e -> revoke(f));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(f.revokedAt() == null);
            revoke.setId("revoke-" + f.id());
            return revoke;
        }).setHeader("");
        grid.setAllRowsVisible(true);
        add(form, created, grid);
        refresh();
    }

    private void create() {
        try {
            var result = feeds.createMine(label.getValue());
            created.setValue(absolute(result.path()));
            created.setVisible(true);
            label.clear();
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void revoke(FeedView f) {
        try {
            feeds.revokeMine(f.id());
            Notification.show("Revoked: " + f.label() + ". Its URL answers nothing from now on.");
            created.setVisible(false);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void refresh() {
        grid.setItems(feeds.mine());
    }

    private static String absolute(String path) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return path;
        }
        return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).path(path).toUriString();
    }
}
