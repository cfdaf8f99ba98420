package io.millflow.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for resources: EMPLOYEE users (password {@code millflow}), people over REST (as admin), and projects and
 * tasks written straight into the pms tables (so these tests do not depend on the projects API).
 */
public final class ResourceFixtures {

    private final JdbcTemplate jdbc;
    private final UserAccounts accounts;
    private final Api api;
    private final String admin;
    private final String suffix = Long.toString(System.nanoTime(), 36);

    public ResourceFixtures(JdbcTemplate jdbc, UserAccounts accounts, Api api, int port) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.api = api;
        this.admin = Tokens.user(port, "admin");
    }

    public String suffix() {
        return suffix;
    }

    /** A new EMPLOYEE user named {@code prefix-<suffix>}. */
    public String user(String prefix) {
        String username = (prefix + "-" + suffix).toLowerCase();
        accounts.create("test", username, "millflow", prefix + " (test)", username + "@test.millflow.io",
                Set.of(Roles.EMPLOYEE));
        return username;
    }

    /** A team without department named {@code name}; returns its id. */
    public String team(String name) {
        Api.Response r = api.post("/api/v1/teams", admin, Map.of("name", name));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    /** Makes {@code username} a person; returns the person's id. */
    public String person(String username, String teamId, UUID siteId, String capacity, String rate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("teamId", teamId);
        body.put("siteId", siteId);
        body.put("weeklyCapacityHours", capacity);
        body.put("hourlyRate", rate);
        Api.Response r = api.post("/api/v1/people", admin, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    /** An ACTIVE project managed by {@code manager} with the given MEMBERs. */
    public UUID project(String manager, String... members) {
        UUID dept = jdbc.query("select id from department order by code limit 1",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null);
        if (dept == null) {
            dept = UUID.randomUUID();
            jdbc.update("insert into department (id, code, name, created_at, version) values (?, ?, ?, now(), 0)", dept,
                    ("D" + suffix).toUpperCase(), "Test department");
        }
        UUID id = UUID.randomUUID();
        String code = ("P" + Long.toString(System.nanoTime(), 36)).toUpperCase();
        LocalDate today = LocalDate.now();
        jdbc.update("insert into project (id, code, name, department_id, manager, start_date, end_date, budget, currency, "
                + "status, created_by, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 0, 'EUR', 'ACTIVE', "
                + "'test', now(), now(), 0)", id, code, "Project " + code, dept, manager, today.minusYears(1),
                today.plusYears(6));
        for (String m : members) {
            jdbc.update("insert into project_member (project_id, username, project_role, added_at) values (?, ?, 'MEMBER', now())",
                    id, m);
        }
        return id;
    }

    public String projectCode(UUID project) {
        return jdbc.queryForObject("select code from project where id = ?", String.class, project);
    }

    public UUID task(UUID project, int number, String name) {
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        jdbc.update("insert into task (id, project_id, number, name, status, board_rank, priority, milestone, start_date, "
                + "end_date, created_by, created_at, updated_at, version) values (?, ?, ?, ?, 'IN_PROGRESS', 0, 'NORMAL', "
                + "false, ?, ?, 'test', now(), now(), 0)", id, project, number, name, today.minusMonths(1),
                today.plusMonths(3));
        return id;
    }
}
