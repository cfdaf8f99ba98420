package io.millflow.ui.projects;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.SiteView;
import io.millflow.pms.resources.Calendars;
import io.millflow.pms.resources.People;
import io.millflow.pms.resources.ResourceViews.CalendarCommand;
import io.millflow.pms.resources.ResourceViews.CalendarView;
import io.millflow.pms.resources.ResourceViews.HolidayCommand;
import io.millflow.pms.resources.ResourceViews.PersonCommand;
import io.millflow.pms.resources.ResourceViews.PersonView;
import io.millflow.pms.resources.ResourceViews.TeamView;
import io.millflow.pms.resources.Teams;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * People (app users with team, site, weekly capacity and hourly rate) and the working calendars of the sites with
 * their public holidays. Roles: ADMIN.
 */
@Route(value = "resources/people", layout = MainLayout.class)
@PageTitle("People · Millflow")
@RolesAllowed("ADMIN")
public class PeopleView extends VerticalLayout {

    private static final TeamView NO_TEAM = new TeamView(null, null, null, "(no team)", null, 0, 0);
    private static final SiteView NO_SITE = new SiteView(null, "(no site)", "default calendar", true);

    private final People people;
    private final Calendars calendars;
    private final Grid<PersonView> grid = new Grid<>(PersonView.class, false);
    private final TextField username = new TextField("Username");
    private final Select<TeamView> team = new Select<>();
    private final Select<SiteView> site = new Select<>();
    private final BigDecimalField capacity = new BigDecimalField("Weekly capacity (h)");
    private final BigDecimalField rate = new BigDecimalField("Hourly rate (EUR)");
    private final Checkbox active = new Checkbox("Active", true);
    private PersonView editing;

    private final Grid<CalendarView> calendarGrid = new Grid<>(CalendarView.class, false);
    private final TextField calCode = new TextField("Code");
    private final TextField calName = new TextField("Name");
    private final Select<SiteView> calSite = new Select<>();
    private final CheckboxGroup<DayOfWeek> calDays = new CheckboxGroup<>("Working days");
    private final BigDecimalField calHours = new BigDecimalField("Hours per day");
    private final TextArea calHolidays = new TextArea("Public holidays (one per line: 2026-12-25 Christmas Day)");
    private CalendarView editingCalendar;

    public PeopleView(People people, Teams teams, Calendars calendars, MasterData masterData) {
        this.people = people;
        this.calendars = calendars;
        List<TeamView> teamChoices = new ArrayList<>();
        teamChoices.add(NO_TEAM);
        teamChoices.addAll(teams.list(null));
        List<SiteView> siteChoices = new ArrayList<>();
        siteChoices.add(NO_SITE);
        siteChoices.addAll(masterData.sites());

        grid.setId("people-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(PersonView::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(PersonView::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(p -> p.teamName() == null ? "" : p.teamName()).setHeader("Team").setAutoWidth(true);
        grid.addColumn(p -> (p.siteCode() == null ? "" : p.siteCode() + " · ") + p.calendarCode()).setHeader("Site · calendar")
                .setAutoWidth(true);
        grid.addColumn(p -> AllocationsView.plain(p.weeklyCapacityHours()) + " h").setHeader("Capacity/week");
        grid.addColumn(p -> p.hourlyRate().toPlainString()).setHeader("Rate/h");
        grid.addColumn(p -> p.active() ? "" : "inactive").setHeader("");
        grid.setHeight("300px");
        grid.addSelectionListener(e -> edit(e.getFirstSelectedItem().orElse(null)));
        username.setId("person-username");
        team.setLabel("Team");
        team.setItems(teamChoices);
        team.setItemLabelGenerator(TeamView::name);
        team.setValue(NO_TEAM);
        site.setLabel("Site");
        site.setItems(siteChoices);
        site.setItemLabelGenerator(s -> s.code() + " · " + s.name());
        site.setValue(NO_SITE);
        capacity.setId("person-capacity");
        rate.setId("person-rate");
        Button save = new Button("Save person", e -> save());
        save.setId("person-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button("New person", e -> edit(null));
        add(new H3("People"), new ExportMenu<>(grid, "people").column("Username", PersonView::username)
                .column("Name", PersonView::displayName).column("Team", PersonView::teamName)
                .column("Site", PersonView::siteCode).column("Calendar", PersonView::calendarCode)
                .column("Capacity/week", PersonView::weeklyCapacityHours).column("Rate/h", PersonView::hourlyRate)
                .column("Active", PersonView::active), grid, new FormLayout(username, team, site, capacity, rate, active),
                new HorizontalLayout(save, clear));

        calendarGrid.setId("calendar-grid");
        calendarGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        calendarGrid.addColumn(CalendarView::code).setHeader("Code").setAutoWidth(true);
        calendarGrid.addColumn(CalendarView::name).setHeader("Name").setAutoWidth(true);
        calendarGrid.addColumn(c -> c.siteCode() == null ? "(default)" : c.siteCode()).setHeader("Site");
        calendarGrid.addColumn(c -> days(c.workingDays()) + " · " + AllocationsView.plain(c.hoursPerDay()) + " h")
                .setHeader("Working days").setAutoWidth(true);
        calendarGrid.addColumn(c -> c.holidays().size() + " holidays").setHeader("Holidays");
        calendarGrid.setHeight("200px");
        calendarGrid.addSelectionListener(e -> editCalendar(e.getFirstSelectedItem().orElse(null)));
        calSite.setLabel("Site");
        calSite.setItems(siteChoices);
        calSite.setItemLabelGenerator(s -> s.code() + " · " + s.name());
        calDays.setItems(DayOfWeek.values());
        calDays.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        calHolidays.setWidthFull();
        calHolidays.setHeight("8em");
        Button saveCal = new Button("Save calendar", e -> saveCalendar());
        saveCal.setId("calendar-save");
        saveCal.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clearCal = new Button("New calendar", e -> editCalendar(null));
        add(new H4("Working calendars"), calendarGrid, new FormLayout(calCode, calName, calSite, calDays, calHours),
                calHolidays, new HorizontalLayout(saveCal, clearCal));
        edit(null);
        editCalendar(null);
        refresh();
    }

    private void edit(PersonView p) {
        editing = p;
        username.setReadOnly(p != null);
        if (p == null) {
            username.clear();
            capacity.setValue(new BigDecimal("40"));
            rate.clear();
            team.setValue(NO_TEAM);
            site.setValue(NO_SITE);
            active.setValue(true);
            return;
        }
        username.setValue(p.username());
        team.getListDataView().getItems().filter(t -> t.id() != null && t.id().equals(p.teamId())).findFirst()
                .ifPresentOrElse(team::setValue, () -> team.setValue(NO_TEAM));
        site.getListDataView().getItems().filter(s -> s.id() != null && s.id().equals(p.siteId())).findFirst()
                .ifPresentOrElse(site::setValue, () -> site.setValue(NO_SITE));
        capacity.setValue(p.weeklyCapacityHours());
        rate.setValue(p.hourlyRate());
        active.setValue(p.active());
    }

    private void save() {
        PersonCommand cmd = new PersonCommand(username.getValue(), team.getValue() == null ? null : team.getValue().id(),
                site.getValue() == null ? null : site.getValue().id(), capacity.getValue(), rate.getValue(), active.getValue());
        try {
            if (editing == null) {
                people.create(cmd);
            } else {
                people.update(editing.id(), cmd);
            }
            Notification.show("Saved", 2000, Notification.Position.TOP_CENTER);
            edit(null);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void editCalendar(CalendarView c) {
        editingCalendar = c;
        calCode.setReadOnly(c != null);
        if (c == null) {
            calCode.clear();
            calName.clear();
            calSite.setValue(null);
            calDays.setValue(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            calHours.setValue(new BigDecimal("8"));
            calHolidays.clear();
            return;
        }
        calCode.setValue(c.code());
        calName.setValue(c.name());
        calSite.getListDataView().getItems().filter(s -> s.id() != null && s.id().equals(c.siteId())).findFirst()
                .ifPresentOrElse(calSite::setValue, () -> calSite.setValue(NO_SITE));
        calDays.setValue(EnumSet.copyOf(c.workingDays()));
        calHours.setValue(c.hoursPerDay());
        StringBuilder text = new StringBuilder();
        c.holidays().forEach(h -> text.append(h.day()).append(' ').append(h.name()).append('\n'));
        calHolidays.setValue(text.toString());
    }

    private void saveCalendar() {
        List<HolidayCommand> holidays = new ArrayList<>();
        String[] lines = calHolidays.getValue().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            try {
                holidays.add(new HolidayCommand(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : "Holiday"));
            } catch (DateTimeParseException e) {
                calHolidays.setErrorMessage("Line " + (i + 1) + ": a date like 2026-12-25 first, then the name");
                calHolidays.setInvalid(true);
                return;
            }
        }
        calHolidays.setInvalid(false);
        SiteView s = calSite.getValue();
        CalendarCommand cmd = new CalendarCommand(calCode.getValue(), calName.getValue(), s == null ? null : s.id(),
                new ArrayList<>(calDays.getValue()), calHours.getValue(), holidays);
        try {
            if (editingCalendar == null) {
                calendars.create(cmd);
            } else {
                calendars.update(editingCalendar.id(), cmd);
            }
            Notification.show("Saved", 2000, Notification.Position.TOP_CENTER);
            editCalendar(null);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void refresh() {
        grid.setItems(people.list(null, null));
        calendarGrid.setItems(calendars.list());
    }

    private static String days(List<DayOfWeek> days) {
        return String.join(" ", days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList());
    }
}
