package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.FormFixtures;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user task with a form-js form in the inbox (Debian's Chromium): the finance user opens it, sees the form's fields
 * rendered by form-js, submits a cost centre of the wrong shape and is told so under the field, corrects it, and the
 * task leaves the inbox with the values as process variables.
 */
@AppTest
class FormInboxBrowserTest {

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
    HistoryService history;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void setUp() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
        FormFixtures.deploy(repository);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    @Test
    void financeFillsInTheFormInTheInbox() {
        Page[] shown = new Page[1];
        try {
            fillIn(shown);
        } catch (AssertionError | RuntimeException e) {
            if (shown[0] != null) {
                shown[0].screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(java.nio.file.Path.of("target", "form-inbox-failure.png")));
            }
            throw e;
        }
    }

    private void fillIn(Page[] shown) {
        String businessKey = "WB-FORM-UI-" + UUID.randomUUID();
        String taskId = FormFixtures.start(runtime, tasks, "employee", businessKey);

        Page page = browsers.signIn("finance", Browsers.desktop());
        shown[0] = page;
        Locator card = page.locator(".task-card[data-task-id='" + taskId + "']");
        card.click();
        Locator form = page.locator("#task-form");
        assertThat(form).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#approve-task")).isHidden();
        Locator costCentre = form.getByLabel("Cost centre");
        assertThat(costCentre).isVisible();
        assertThat(form.getByLabel("Budget confirmed")).isVisible();
        assertThat(form.getByLabel("Amount checked (EUR)")).isVisible();
        assertThat(form.getByLabel("Comment")).isVisible();

        costCentre.fill("fi-12");
        page.locator("#submit-form").click();
        assertThat(form.locator(".fjs-form-field-error").first())
                .containsText("Cost centre must look like FI-1200");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("still open").isEqualTo(1);

        costCentre.fill("FI-1200");
        // form-js takes a typed value when the field loses focus; the message under it then goes away and the
        // fields below move up, so leave the field first (as a person would see it) before clicking further down
        costCentre.press("Tab");
        assertThat(form.locator(".fjs-form-field-error")).hasCount(0);
        Locator budget = form.getByLabel("Budget confirmed");
        budget.click();
        assertThat(budget).isChecked();
        form.getByLabel("Amount checked (EUR)").fill("1250.5");
        form.getByLabel("Comment").fill("Checked against budget line 4711");
        page.locator("#submit-form").click();
        assertThat(card).hasCount(0);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
        String pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("costCentre")
                .singleResult().getValue()).isEqualTo("FI-1200");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableName("budgetConfirmed").singleResult().getValue()).isEqualTo(true);
        page.context().close();
    }
}
