package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.ResourceFixtures;
import io.millflow.app.support.Tokens;
import io.millflow.security.UserAccounts;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resources in a real browser: a week's timesheet refused at 25 h on a day (the field marked), saved, submitted and
 * approved by the project manager in the inbox; an over-allocation warned where it is made and shown OVER in the
 * heatmap.
 */
@AppTest
class ResourceBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    ResourceFixtures fx;
    Api api;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void setUp() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
        api = new Api(port);
        fx = new ResourceFixtures(jdbc, accounts, api, port);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    private static void choose(Page page, String comboId, String text) {
        page.locator(comboId + " input").fill(text);
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    @Test
    void aTimesheetIsRefusedOverTwentyFourHoursThenSubmittedAndApprovedInTheInbox() {
        String worker = fx.user("tsui");
        fx.person(worker, null, null, "40", "50.00");
        UUID project = fx.project("manager", worker);
        fx.task(project, 1, "Wiring " + fx.suffix());
        fx.task(project, 2, "Testing " + fx.suffix());

        Page page = browsers.signIn(worker, Browsers.desktop());
        page.navigate(browsers.url("/timesheet"));
        assertThat(page.locator("#timesheet-status")).containsText("DRAFT");
        choose(page, "#timesheet-add-task", "Wiring " + fx.suffix());
        page.locator("#timesheet-add").click();
        assertThat(page.locator("#hours-0-0")).isVisible();
        choose(page, "#timesheet-add-task", "Testing " + fx.suffix());
        page.locator("#timesheet-add").click();
        page.locator("#hours-0-0 input").fill("20");
        page.locator("#hours-1-0 input").fill("5");
        page.locator("#hours-1-2 input").fill("3.5");
        page.locator("#hours-1-2 input").press("Tab");
        assertThat(page.locator("#total-0")).hasText("25 h");
        page.locator("#timesheet-save").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("at most 24 h")))
                .isVisible();
        assertThat(page.locator("#hours-1-0")).hasAttribute("invalid", "");
        assertThat(jdbc.queryForObject("select count(*) from timesheet t join person p on p.id = t.person_id "
                + "where p.username = ?", Long.class, worker)).isZero();

        page.locator("#hours-1-0 input").fill("4");
        page.locator("#timesheet-save").click();
        assertThat(page.locator("#timesheet-status")).containsText("DRAFT");
        assertThat(page.locator("#timesheet-submit")).isEnabled();
        page.locator("#timesheet-submit").click();
        assertThat(page.locator("#timesheet-status")).containsText("SUBMITTED");
        String id = api.get("/api/v1/timesheets/me", Tokens.user(port, worker)).text("id");
        assertThat(id).isNotNull();

        Page manager = browsers.signIn("manager", Browsers.desktop());
        Locator card = manager.locator(".task-card[data-business-key='" + id + "']");
        card.click();
        assertThat(manager.locator("#task-title")).hasText("Approve timesheet");
        assertThat(manager.locator("#task-timesheet")).containsText(worker);
        assertThat(manager.locator("#task-timesheet")).containsText("27.5 h");
        manager.locator("#approve-task").click();
        assertThat(card).hasCount(0);
        assertThat(api.get("/api/v1/timesheets/" + id, Tokens.user(port, worker)).text("status")).isEqualTo("APPROVED");
        assertThat(api.get("/api/v1/projects/" + project + "/labour-cost", Tokens.user(port, "manager")).body()
                .get("labourCost").decimalValue()).isEqualByComparingTo("1375.00");

        page.reload();
        assertThat(page.locator("#timesheet-status")).containsText("APPROVED");
        assertThat(page.locator("#timesheet-save")).isDisabled();
        page.context().close();
        manager.context().close();
    }

    @Test
    void anOverAllocationIsWarnedWhereItIsMadeAndShownInTheHeatmap() {
        String planned = fx.user("alloc");
        String teamName = "Heat " + fx.suffix();
        fx.person(planned, fx.team(teamName), null, "40", "50.00");
        UUID project = fx.project("manager");
        String code = fx.projectCode(project);

        Page page = browsers.signIn("manager", Browsers.desktop());
        page.navigate(browsers.url("/resources/allocations"));
        choose(page, "#allocation-person", planned);
        choose(page, "#allocation-project", code);
        page.locator("#allocation-hours input").fill("46");
        page.locator("#allocation-save").click();
        assertThat(page.locator("#over-allocation-warning")).isVisible();
        assertThat(page.locator("#over-allocation-warning")).containsText("over by 6 h");

        Page head = browsers.signIn("head", Browsers.desktop());
        head.navigate(browsers.url("/resources/capacity"));
        head.locator("#heatmap-team").click();
        head.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(teamName)).click();
        Locator row = head.locator("#heatmap-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(planned));
        assertThat(row).hasCount(1);
        assertThat(head.locator("#heatmap-grid .heat-cell[data-load='OVER']").filter(new Locator.FilterOptions()
                .setHasText("46/40")).first()).isVisible();
        page.context().close();
        head.context().close();
    }

    @Test
    void anAdminKeepsTeamsAndPeople() {
        String newcomer = fx.user("newbie");
        String teamName = "Crew " + fx.suffix();
        Page page = browsers.signIn("admin", Browsers.desktop());
        page.navigate(browsers.url("/resources/teams"));
        page.locator("#team-name input").fill(teamName);
        page.locator("#team-lead input").fill("manager");
        page.locator("#team-save").click();
        assertThat(page.locator("#team-grid")).containsText(teamName);
        assertThat(jdbc.queryForObject("select count(*) from audit_record a join team t on t.id::text = a.entity_id "
                + "where a.entity_type = 'Team' and t.name = ?", Long.class, teamName)).isEqualTo(1);

        page.navigate(browsers.url("/resources/people"));
        page.locator("#person-username input").fill(newcomer);
        page.locator("#person-capacity input").fill("30");
        page.locator("#person-rate input").fill("42.50");
        page.locator("#person-save").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("Saved")))
                .isVisible();
        assertThat(jdbc.queryForObject("select hourly_rate from person where username = ?", java.math.BigDecimal.class,
                newcomer)).isEqualByComparingTo("42.50");
        page.context().close();
    }
}
