package io.millflow.pms.resources;

import io.millflow.pms.resources.ResourceViews.AllocationCommand;
import io.millflow.pms.resources.ResourceViews.CalendarCommand;
import io.millflow.pms.resources.ResourceViews.HolidayCommand;
import io.millflow.pms.resources.ResourceViews.PersonCommand;
import io.millflow.pms.resources.ResourceViews.TeamCommand;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo resources for the default and dev profiles: calendars of the Munich and Hamburg sites with their public
 * holidays, three teams, the demo users employee, manager, head and warehouse as people with capacities and rates, and
 * (when the demo projects exist) a few allocations of the coming weeks. Runs once: nothing when person "employee"
 * exists. Goes through the services, so everything is audited.
 */
@Component
@Profile({"default", "dev"})
@Order(60)
class DemoResources implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoResources.class);

    private final Teams teams;
    private final People people;
    private final Calendars calendars;
    private final Allocations allocations;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoResources(Teams teams, People people, Calendars calendars, Allocations allocations, JdbcTemplate jdbc, Clock clock) {
        this.teams = teams;
        this.people = people;
        this.calendars = calendars;
        this.allocations = allocations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from person where username = 'employee')",
                Boolean.class))) {
            return;
        }
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from app_user where username = 'employee')",
                Boolean.class))) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                    List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
            create();
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
    }

    private void create() {
        UUID muc = idOf("select id from site where code = 'MUC'");
        UUID ham = idOf("select id from site where code = 'HAM'");
        EnumSet<DayOfWeek> monFri = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        if (muc != null) {
            calendars.create(new CalendarCommand("MUC", "Munich plant (Bavaria)", muc, List.copyOf(monFri),
                    new BigDecimal("8"), List.of(
                            holiday("2026-12-24", "Christmas Eve (plant closed)"),
                            holiday("2026-12-25", "Christmas Day"), holiday("2026-12-26", "St Stephen's Day"),
                            holiday("2027-01-01", "New Year's Day"), holiday("2027-01-06", "Epiphany"),
                            holiday("2027-03-26", "Good Friday"), holiday("2027-03-29", "Easter Monday"),
                            holiday("2027-05-01", "Labour Day"))));
        }
        if (ham != null) {
            calendars.create(new CalendarCommand("HAM", "Hamburg plant", ham, List.copyOf(monFri), new BigDecimal("7.5"),
                    List.of(holiday("2026-12-25", "Christmas Day"), holiday("2026-12-26", "Second Day of Christmas"),
                            holiday("2027-01-01", "New Year's Day"), holiday("2027-03-26", "Good Friday"),
                            holiday("2027-03-29", "Easter Monday"), holiday("2027-05-01", "Labour Day"))));
        }
        UUID eng = idOf("select id from department where code = 'ENG'");
        UUID prod = idOf("select id from department where code = 'PROD'");
        UUID engineering = teams.create(new TeamCommand(eng, "Engineering", "manager")).id();
        UUID production = teams.create(new TeamCommand(prod, "Production", "head")).id();
        UUID logistics = teams.create(new TeamCommand(prod, "Logistics", "warehouse")).id();
        person("employee", engineering, muc, "40", "55.00");
        person("manager", engineering, muc, "40", "85.00");
        person("head", production, ham, "32", "95.00");
        person("warehouse", logistics, muc, "40", "45.00");
        int allocated = allocate();
        log.info("Demo resources created: calendars MUC and HAM, 3 teams, 4 people, {} allocations", allocated);
    }

    private int allocate() {
        List<UUID> projects = jdbc.queryForList("select id from project where status in ('ACTIVE', 'PROPOSED') "
                + "order by code limit 2", UUID.class);
        if (projects.isEmpty()) {
            return 0;
        }
        LocalDate monday = WeekCapacity.monday(LocalDate.now(clock));
        int n = 0;
        for (int w = 0; w < 4; w++) {
            LocalDate week = monday.plusWeeks(w);
            allocations.create(new AllocationCommand(null, "employee", projects.get(0), week, new BigDecimal("24"), null));
            allocations.create(new AllocationCommand(null, "manager", projects.get(0), week, new BigDecimal("16"), null));
            n += 2;
            if (projects.size() > 1) {
                // week 2 is over-allocated on purpose: 24 + 24 > 40
                allocations.create(new AllocationCommand(null, "employee", projects.get(1), week,
                        new BigDecimal(w == 2 ? "24" : "16"), null));
                n++;
            }
        }
        return n;
    }

    private void person(String username, UUID team, UUID site, String capacity, String rate) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from app_user where username = ?)", Boolean.class,
                username))) {
            people.create(new PersonCommand(username, team, site, new BigDecimal(capacity), new BigDecimal(rate), true));
        }
    }

    private UUID idOf(String sql) {
        return jdbc.query(sql, rs -> rs.next() ? rs.getObject(1, UUID.class) : null);
    }

    private static HolidayCommand holiday(String day, String name) {
        return new HolidayCommand(LocalDate.parse(day), name);
    }
}
