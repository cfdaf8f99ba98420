package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.WorkbenchModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owner's runtime pages in Chromium on test-only processes ({@link WorkbenchModels}): running and
 * incident badges on the diagram, the incident list and its retry, the migration of version 1's instances to
 * version 2 (preview, migrate, report), the insight heat table from history and the history retention; and only
 * PROCESS_OWNER and ADMIN reach these pages.
 */
@AppTest
class ProcessRuntimeBrowserTest {

    private static final String OPS = "wb-test-ops";
    private static final String INSIGHT = "wb-test-insight";
    private static final String ROLES = "wb-test-roles";
    private static final String WORKER = "wb-test-worker";
    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ExternalTaskService externalTasks;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void setUp() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    private void deploy(String key, int shape) {
        repository.createDeployment().name("test:" + key).addString(key + ".bpmn", WorkbenchModels.opsProcess(key, shape))
                .deploy();
    }

    private ProcessInstance start(String key, String businessKey) {
        return runtime.startProcessInstanceByKey(key, businessKey);
    }

    private void completeUserTask(ProcessInstance instance, String activityId) {
        String id = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult().getId();
        tasks.complete(id);
    }

    private LockedExternalTask lockSync(ProcessInstance instance) {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(1, WORKER).topic(WorkbenchModels.TOPIC, 60_000)
                .businessKey(instance.getBusinessKey()).execute();
        assertThat(locked).hasSize(1);
        return locked.get(0);
    }

    private static Locator badge(Page page, String kind, String activityId) {
        return page.locator("#instances-diagram #badge-" + kind + "-" + activityId);
    }

    @Test
    void ownerSeesBadgesRetriesAnIncidentAndMigratesVersionOneToTwo() {
        deploy(OPS, 1);
        start(OPS, "OPS-1");
        start(OPS, "OPS-2");
        ProcessInstance failing = start(OPS, "OPS-3");
        completeUserTask(failing, "Approve");
        LockedExternalTask task = lockSync(failing);
        externalTasks.handleFailure(task.getId(), WORKER, "Ledger offline", "java.io.IOException: Ledger offline\n\tat test", 0, 0);
        ProcessInstance done = start(OPS, "OPS-4");
        completeUserTask(done, "Approve");
        externalTasks.complete(lockSync(done).getId(), WORKER);
        completeUserTask(done, "Review");

        Page page = browsers.signIn("owner", Browsers.desktop());
        page.navigate(browsers.url("/processes/" + OPS + "/instances"));
        assertThat(page.locator("#process-nav-instances")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#instances-diagram")).hasAttribute("data-rendered", "true");
        assertThat(badge(page, "running", "Approve")).hasAttribute("data-count", "2");
        assertThat(badge(page, "incidents", "Sync")).hasAttribute("data-count", "1");
        assertThat(badge(page, "incidents", "Approve")).hasCount(0);
        assertThat(badge(page, "running", "Review")).hasCount(0);

        // the incident: its error in the grid, the whole of it in the dialog, then a retry clears it
        assertThat(page.locator("#incident-count")).hasText("1");
        Locator row = page.locator("#incident-grid .incident-activity[data-activity-id='Sync']");
        assertThat(row).hasCount(1);
        assertThat(page.locator("#incident-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("OPS-3"))).hasCount(1);
        assertThat(page.locator("#incident-grid .incident-message")).hasText("Ledger offline");
        page.locator("#incident-grid .incident-details").click();
        assertThat(page.locator("#incident-details-text")).containsText("java.io.IOException: Ledger offline");
        page.locator("#incident-dialog-close").click();
        page.locator("#incident-grid .incident-retry").click();
        assertThat(page.locator("#incident-count")).hasText("0");
        assertThat(badge(page, "incidents", "Sync")).hasCount(0);
        assertThat(badge(page, "running", "Sync")).hasAttribute("data-count", "1");
        assertThat(runtime.createIncidentQuery().processInstanceId(failing.getId()).count()).isZero();
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(failing.getId()).singleResult().getRetries())
                .isEqualTo(1);

        // version 2: the latest is shown, empty until the instances of version 1 move there
        deploy(OPS, 2);
        page.navigate(browsers.url("/processes/" + OPS + "/instances"));
        assertThat(page.locator("#instances-diagram")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#instances-diagram g.djs-element[data-element-id='Archive']")).hasCount(1);
        assertThat(page.locator("#instances-diagram")).hasAttribute("data-badges", "");

        page.locator("#migrate-open").click();
        assertThat(page.locator("#migrate-from")).containsText("Version 1");
        assertThat(page.locator("#migrate-to")).containsText("Version 2");
        assertThat(page.locator("#migrate-run")).isDisabled();
        page.locator("#migrate-preview").click();
        assertThat(page.locator("#migration-instances")).hasAttribute("data-count", "3");
        assertThat(page.locator("#migration-by-activity")).containsText("Approve: 2");
        assertThat(page.locator("#migration-by-activity")).containsText("Sync: 1");
        assertThat(page.locator("#migration-instructions vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Review"))).not().hasCount(0);
        assertThat(page.locator("#migration-problems")).hasAttribute("data-count", "0");
        assertThat(page.locator("#migrate-run")).isEnabled();
        page.locator("#migrate-run").click();
        assertThat(page.locator("#migration-moved")).hasAttribute("data-moved", "3");
        assertThat(page.locator("#migration-moved")).hasAttribute("data-failed", "0");
        assertThat(page.locator("#migration-moved-by-activity")).containsText("Approve: 2");
        page.locator("#migrate-close").click();

        assertThat(badge(page, "running", "Approve")).hasAttribute("data-count", "2");
        assertThat(badge(page, "running", "Sync")).hasAttribute("data-count", "1");
        int v2 = repository.createProcessDefinitionQuery().processDefinitionKey(OPS).latestVersion().singleResult()
                .getVersion();
        assertThat(v2).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(OPS).active().list())
                .allSatisfy(p -> assertThat(p.getProcessDefinitionId()).contains(":2:"));
        page.context().close();
    }

    @Test
    void insightShowsTimeInEachActivityAndTheRetentionIsSaved() throws InterruptedException {
        deploy(INSIGHT, 1);
        ProcessInstance one = start(INSIGHT, "INS-1");
        ProcessInstance two = start(INSIGHT, "INS-2");
        ProcessInstance three = start(INSIGHT, "INS-3");
        Thread.sleep(300);
        for (ProcessInstance p : List.of(one, two, three)) {
            completeUserTask(p, "Approve");
        }
        externalTasks.complete(lockSync(one).getId(), WORKER);
        externalTasks.complete(lockSync(two).getId(), WORKER);
        completeUserTask(one, "Review");

        Page page = browsers.signIn("owner", Browsers.desktop());
        page.navigate(browsers.url("/processes/" + INSIGHT + "/insight"));
        assertThat(page.locator("#process-nav-insight")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#insight-summary")).hasAttribute("data-instances", "3");
        assertThat(heatRow(page, "Approve")).hasAttribute("data-completed", "3");
        assertThat(heatRow(page, "Sync")).hasAttribute("data-completed", "2");
        assertThat(heatRow(page, "Sync")).hasAttribute("data-open", "1");
        assertThat(heatRow(page, "Review")).hasAttribute("data-completed", "1");
        assertThat(heatRow(page, "Review")).hasAttribute("data-open", "1");
        assertThat(page.locator("#insight-diagram")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#insight-diagram #heat-Approve")).hasText(java.util.regex.Pattern.compile("⌀ .+"));

        // one business key
        page.locator("#insight-business-key input").fill("INS-1");
        page.locator("#insight-apply").click();
        assertThat(page.locator("#insight-summary")).hasAttribute("data-instances", "1");
        assertThat(heatRow(page, "Approve")).hasAttribute("data-completed", "1");
        assertThat(heatRow(page, "Review")).hasAttribute("data-completed", "1");

        // retention
        assertThat(page.locator("#retention-current")).hasAttribute("data-days", "180");
        page.locator("#retention-days input").fill("45");
        page.locator("#retention-save").click();
        assertThat(page.locator("#retention-current")).hasText("Current: 45 days");
        page.reload();
        assertThat(page.locator("#retention-current")).hasAttribute("data-days", "45");
        assertThat(page.locator("#retention-days input")).hasValue("45");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(INSIGHT).latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(45);

        // out of range: refused in the field, nothing saved
        page.locator("#retention-days input").fill("0");
        page.locator("#retention-save").click();
        assertThat(page.locator("#retention-days")).hasAttribute("invalid", "");
        assertThat(page.locator("#retention-current")).hasAttribute("data-days", "45");
        page.context().close();
    }

    private static Locator heatRow(Page page, String activityId) {
        return page.locator("#heat-grid .heat-activity[data-activity-id='" + activityId + "']");
    }

    @Test
    void otherRolesCannotOpenTheRuntimePages() {
        deploy(ROLES, 1);
        for (String user : List.of("employee", "buyer")) {
            Page page = browsers.signIn(user, Browsers.desktop());
            for (String path : List.of("instances", "insight")) {
                page.navigate(browsers.url("/processes/" + ROLES + "/" + path));
                assertThat(page.locator("body")).containsText("Could not navigate");
                assertThat(page.locator("#process-nav")).hasCount(0);
                assertThat(page.locator("#incident-grid")).hasCount(0);
                assertThat(page.locator("#heat-grid")).hasCount(0);
            }
            page.context().close();
        }
    }
}
