package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.Requisitions;
import io.millflow.ui.components.ModelerDriver;
import io.millflow.workbench.DeployedVersion;
import io.millflow.workbench.ModelKind;
import io.millflow.workbench.ProcessModels;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Acceptance 1 of the process owners' workbench in a real browser: the owner adds a FINANCE user task to
 * purchase-requisition with the palette, sees the missing candidate group as a lint error on the diagram, fixes it in
 * the properties panel, links the form finance-review and deploys a new version; a requisition then reaches the
 * finance user's inbox with its form. Non-owners cannot open the workbench. The installed model is restored after.
 */
@AppTest
class WorkbenchBrowserTest {

    static final String KEY = "purchase-requisition";
    private static Browsers browsers;
    private static ProcessModels staticModels;
    private static RepositoryService staticRepository;
    private static RuntimeService staticRuntime;
    private static boolean deployed;

    @LocalServerPort
    int port;
    @Autowired
    ProcessModels models;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    private Page page;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @BeforeEach
    void launch() {
        staticModels = models;
        staticRepository = repository;
        staticRuntime = runtime;
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
            page = null;
        }
    }

    @AfterAll
    static void restoreInstalledModel() {
        try {
            if (deployed && staticModels != null) {
                asOwner(() -> {
                    // instances of the workbench version must not leak tasks into later test classes
                    int latest = staticModels.versions(ModelKind.BPMN, KEY).get(0).version();
                    staticRepository.createProcessDefinitionQuery().processDefinitionKey(KEY).list().stream()
                            .filter(d -> d.getVersion() == latest)
                            .forEach(d -> staticRuntime.createProcessInstanceQuery().processDefinitionId(d.getId())
                                    .list().forEach(pi -> staticRuntime.deleteProcessInstance(pi.getId(),
                                            "WorkbenchBrowserTest cleanup")));
                    staticModels.restoreInstalled(ModelKind.BPMN, KEY);
                });
            }
        } finally {
            if (browsers != null) {
                browsers.close();
                browsers = null;
            }
        }
    }

    static void asOwner(Runnable action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("owner", null,
                List.of(new SimpleGrantedAuthority("ROLE_PROCESS_OWNER"))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    @Test
    void ownerAddsAFinanceTaskFixesTheLintErrorDeploysAndFinanceGetsTheForm() {
        int[] before = new int[1];
        asOwner(() -> before[0] = models.versions(ModelKind.BPMN, KEY).get(0).version());

        page = browsers.signIn("owner", Browsers.desktop());
        page.locator("#nav-processes").click();
        assertThat(page).hasURL(Pattern.compile(".*/processes$"));
        page.locator("#open-" + KEY).click();
        Locator modeler = page.locator("#modeler");
        assertThat(modeler).hasAttribute("data-ready", "true");
        assertThat(modeler).hasAttribute("data-error-count", "0");

        // palette: a task dropped on the flow from "Decide approval levels" to the manager's approval, made a user
        // task. (Not before the decision: submitting a requisition reads the decided approval levels at once.)
        ModelerDriver driver = new ModelerDriver(page, modeler);
        String taskId = driver.addUserTaskOnFlow("Flow_ToManager", "Finance review");

        // the lint error for the missing candidate group, on the diagram and in the problems list
        assertThat(driver.lintErrorOn(taskId)).isVisible();
        assertThat(modeler).not().hasAttribute("data-error-count", "0");
        assertThat(page.locator("#problems")).containsText("User task has no candidate group");
        assertThat(page.locator("#deploy")).isDisabled();

        // fixed in the properties panel: candidate group FINANCE, the form finance-review
        driver.setCandidateGroups("FINANCE");
        driver.linkForm("finance-review");
        assertThat(driver.lintErrorOn(taskId)).hasCount(0);
        assertThat(page.locator("#problems")).not().containsText("User task has no candidate group");
        assertThat(modeler).hasAttribute("data-error-count", "0");
        assertThat(page.locator("#deploy")).isEnabled();

        // deploy
        page.locator("#deploy").click();
        page.locator("#deploy-comment input").fill("FINANCE reviews every requisition first");
        page.locator("#deploy-confirm").click();
        int expected = before[0] + 1;
        assertThat(page.locator("#deployed-version")).hasText("Deployed version " + expected);
        deployed = true;
        asOwner(() -> {
            DeployedVersion latest = models.versions(ModelKind.BPMN, KEY).get(0);
            assertThat(latest.version()).isEqualTo(expected);
            assertThat(latest.deployedBy()).isEqualTo("owner");
            assertThat(latest.source()).isEqualTo("WORKBENCH");
        });

        // an employee submits a requisition: it starts the new version, whose first task is now FINANCE's
        Requisitions.submit(new Api(port), port, "employee",
                Requisitions.body("Workbench torque wrench", 1, "45.00", "EUR"));
        Page finance = browsers.signIn("finance", Browsers.desktop());
        try {
            Locator card = finance.locator(".task-card", new Page.LocatorOptions().setHasText("Finance review"));
            assertThat(card.first()).isVisible();
            card.first().click();
            // the form-js form of the task
            Locator form = finance.locator("#task-form");
            assertThat(form).hasAttribute("data-rendered", "true");
            assertThat(form.locator(".fjs-container")).isVisible();
            assertThat(form).containsText("Cost centre");
            assertThat(form).containsText("Budget confirmed");
        } finally {
            finance.context().close();
        }
    }

    @Test
    void nonOwnersCannotOpenTheWorkbench() {
        for (String user : List.of("employee", "buyer")) {
            Page other = browsers.signIn(user, Browsers.desktop());
            try {
                assertThat(other.locator("#nav-processes")).hasCount(0);
                for (String path : List.of("/processes", "/processes/" + KEY + "/model",
                        "/processes/" + KEY + "/versions")) {
                    other.navigate(browsers.url(path));
                    assertThat(other.locator("#models")).hasCount(0);
                    assertThat(other.locator("#modeler")).hasCount(0);
                    assertThat(other.locator("#versions")).hasCount(0);
                }
            } finally {
                other.context().close();
            }
        }
    }
}
