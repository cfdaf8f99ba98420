package io.millflow.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.millflow.notification.Notifications;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.ui.notification.LiveNotifications;
import io.millflow.ui.notification.NotificationBell;
import io.millflow.ui.notification.NotificationPreferencesView;
import io.millflow.ui.purchasing.PortalOrdersView;
import io.millflow.ui.purchasing.PurchaseOrdersView;
import io.millflow.ui.purchasing.SuppliersView;
import io.millflow.ui.shipping.ShipmentsView;
import io.millflow.ui.replenishment.ReorderRulesView;
import io.millflow.ui.replenishment.ReplenishmentRunsView;
import io.millflow.ui.stock.CountingView;
import io.millflow.ui.stock.LocationTreeView;
import io.millflow.ui.stock.PostingView;
import io.millflow.ui.stock.StockOverviewView;
import jakarta.annotation.security.PermitAll;

/** The app shell: navigation by role, the notification bell, the signed-in user, sign out. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, Notifications notifications, LiveNotifications live) {
        CurrentUser user = CurrentUser.get();
        H2 title = new H2("Millflow");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span who = new Span(user.username());
        who.setId("current-user");
        Button logout = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        NotificationBell bell = new NotificationBell(notifications, live, user.username());
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, bell, who, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        if (user.hasAnyRole(Roles.INTERNAL.toArray(String[]::new))) {
            nav.addItem(new SideNavItem("Inbox", InboxView.class, VaadinIcon.INBOX.create()));
            nav.addItem(new SideNavItem("New requisition", NewRequisitionView.class, VaadinIcon.CART.create()));
            nav.addItem(new SideNavItem("My requisitions", MyRequisitionsView.class, VaadinIcon.LIST.create()));
            nav.addItem(new SideNavItem("Project requests", io.millflow.ui.projects.ProjectRequestsView.class,
                    VaadinIcon.FILE_ADD.create()));
        }
        if (user.hasAnyRole(Roles.WAREHOUSE, Roles.BUYER, Roles.MANAGER, Roles.FINANCE, Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Stock", StockOverviewView.class, VaadinIcon.STOCK.create()));
            nav.addItem(new SideNavItem("Locations", LocationTreeView.class, VaadinIcon.SITEMAP.create()));
            nav.addItem(new SideNavItem("Reorder rules", ReorderRulesView.class, VaadinIcon.CHART_LINE.create()));
            nav.addItem(new SideNavItem("Replenishment runs", ReplenishmentRunsView.class, VaadinIcon.TRUCK.create()));
        }
        if (user.hasAnyRole(Roles.BUYER, Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Suppliers", SuppliersView.class, VaadinIcon.TRUCK.create()));
        }
        if (user.hasAnyRole(Roles.BUYER, Roles.MANAGER, Roles.FINANCE, Roles.WAREHOUSE, Roles.ADMIN)) {
            SideNavItem orders = new SideNavItem("Purchase orders", PurchaseOrdersView.class,
                    VaadinIcon.CLIPBOARD_TEXT.create());
            orders.setId("nav-purchase-orders");
            nav.addItem(orders);
        }
        if (user.hasRole(Roles.SUPPLIER)) {
            SideNavItem portal = new SideNavItem("My orders", PortalOrdersView.class, VaadinIcon.TRUCK.create());
            portal.setId("nav-portal");
            nav.addItem(portal);
        }
        if (user.hasAnyRole(Roles.WAREHOUSE, Roles.BUYER, Roles.MANAGER, Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Shipments", ShipmentsView.class, VaadinIcon.TRUCK.create()));
        }
        if (user.hasRole(Roles.WAREHOUSE)) {
            nav.addItem(new SideNavItem("Post stock", PostingView.class, VaadinIcon.EXCHANGE.create()));
            nav.addItem(new SideNavItem("Cycle counts", CountingView.class, VaadinIcon.CLIPBOARD_CHECK.create()));
        }
        if (user.hasAnyRole(Roles.INTERNAL.toArray(String[]::new))) {
            nav.addItem(new SideNavItem("Projects", io.millflow.ui.projects.ProjectsView.class, VaadinIcon.BRIEFCASE.create()));
            nav.addItem(new SideNavItem("My tasks", io.millflow.ui.projects.MyTasksView.class, VaadinIcon.TASKS.create()));
            nav.addItem(new SideNavItem("My calendar", io.millflow.ui.calendar.MyCalendarView.class,
                    VaadinIcon.CALENDAR.create()));
        }
        if (user.hasAnyRole(Roles.MANAGER, Roles.DEPARTMENT_HEAD, Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Project analytics", io.millflow.ui.projects.AnalyticsView.class,
                    VaadinIcon.CHART.create()));
        }
        // resources and timesheets (pms)
        if (user.hasAnyRole(Roles.INTERNAL.toArray(String[]::new))) {
            nav.addItem(new SideNavItem("My timesheet", io.millflow.ui.projects.TimesheetView.class,
                    VaadinIcon.CLOCK.create()));
        }
        if (user.hasAnyRole(Roles.MANAGER, Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Allocations", io.millflow.ui.projects.AllocationsView.class,
                    VaadinIcon.CALENDAR_USER.create()));
        }
        if (user.hasAnyRole(Roles.MANAGER, Roles.DEPARTMENT_HEAD, Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Capacity", io.millflow.ui.projects.CapacityHeatmapView.class,
                    VaadinIcon.GRID_BIG.create()));
        }
        if (user.hasRole(Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Teams", io.millflow.ui.projects.TeamsView.class, VaadinIcon.GROUP.create()));
            nav.addItem(new SideNavItem("People", io.millflow.ui.projects.PeopleView.class, VaadinIcon.USERS.create()));
            SideNavItem mail = new SideNavItem("Mail", io.millflow.ui.mail.MailTemplatesView.class,
                    VaadinIcon.ENVELOPE.create());
            mail.setId("nav-mail");
            nav.addItem(mail);
            SideNavItem webhooks = new SideNavItem("Webhooks", io.millflow.ui.webhook.WebhooksView.class,
                    VaadinIcon.CONNECT.create());
            webhooks.setId("nav-webhooks");
            nav.addItem(webhooks);
        }
        if (user.hasAnyRole(Roles.PROCESS_OWNER, Roles.ADMIN)) {
            SideNavItem processes = new SideNavItem("Processes", "processes", VaadinIcon.SITEMAP.create());
            processes.setId("nav-processes");
            nav.addItem(processes);
        }
        if (user.hasAnyRole(Roles.ADMIN, Roles.BUYER, Roles.WAREHOUSE, Roles.MANAGER)) {
            SideNavItem imports = new SideNavItem("Import", io.millflow.ui.exchange.ImportView.class,
                    VaadinIcon.UPLOAD.create());
            imports.setId("nav-import");
            nav.addItem(imports);
        }
        SideNavItem notificationPreferences = new SideNavItem("Notifications", NotificationPreferencesView.class,
                VaadinIcon.BELL.create());
        notificationPreferences.setId("nav-notifications");
        nav.addItem(notificationPreferences);
        addToDrawer(nav);
        if (user.hasAnyRole(Roles.ADMIN, Roles.PROCESS_OWNER)) {
            addToDrawer(link("Cockpit (processes)", "/operaton/app/cockpit/default/"));
        }
        if (user.hasRole(Roles.ADMIN)) {
            addToDrawer(link("API (Swagger UI)", "/swagger-ui.html"));
        }
        setPrimarySection(Section.DRAWER);
    }

    private static Anchor link(String text, String href) {
        Anchor a = new Anchor(href, text);
        a.setRouterIgnore(true);
        a.getStyle().set("display", "block").set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        return a;
    }
}
