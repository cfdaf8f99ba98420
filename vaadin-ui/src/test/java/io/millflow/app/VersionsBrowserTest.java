package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.workbench.ModelKind;
import io.millflow.workbench.ProcessModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The versions page of the process workbench: who deployed which version and why, the difference between two
 * versions, a version exported as a file, a version opened as a draft in the editor, and a readable refusal when
 * there is no shipped model to restore.
 */
@AppTest
class VersionsBrowserTest {

    static final String KEY = "wb-test-versions";
    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    ProcessModels models;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    @Test
    void ownerComparesExportsAndOpensVersions() throws IOException {
        String v1 = ProcessModelsApiTest.bpmn(KEY, ProcessModelsApiTest.user("Approve", "MANAGER"));
        String v2 = ProcessModelsApiTest.bpmn(KEY, ProcessModelsApiTest.user("Approve", "MANAGER,FINANCE"),
                ProcessModelsApiTest.user("Check", "FINANCE"));
        WorkbenchBrowserTest.asOwner(() -> {
            models.deployFile(KEY + ".bpmn", v1.getBytes(StandardCharsets.UTF_8), "first cut");
            models.deployFile(KEY + ".bpmn", v2.getBytes(StandardCharsets.UTF_8), "finance checks too");
        });
        browsers = Browsers.launch(port);
        Page page = browsers.signIn("owner", Browsers.desktop());
        try {
            page.navigate(browsers.url("/processes/" + KEY + "/versions"));
            Locator versions = page.locator("#versions");
            assertThat(versions).containsText("finance checks too");
            assertThat(versions).containsText("first cut");
            assertThat(versions).containsText("owner");
            assertThat(versions).containsText("WORKBENCH");

            // fewer than two picked: told so, no difference shown
            page.locator("#compare").click();
            assertThat(page.locator("#diff-title")).hasText("Pick two versions to compare.");

            // both picked (the grid's select-all box): the difference, element by element
            versions.locator("vaadin-checkbox").first().click();
            page.locator("#compare").click();
            assertThat(page.locator("#diff-title")).containsText("Version 1 → 2");
            Locator diff = page.locator("#diff");
            assertThat(diff).isVisible();
            assertThat(diff).containsText("Check");
            assertThat(diff).containsText("added");
            assertThat(diff).containsText("MANAGER,FINANCE");

            // export: the deployed file of version 2, named after the process
            Download download = page.waitForDownload(() -> page.locator("#export-2").click());
            assertThat(download.suggestedFilename()).isEqualTo(KEY + ".bpmn");
            String exported = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(exported).contains("id=\"" + KEY + "\"").contains("camunda:candidateGroups=\"MANAGER,FINANCE\"")
                    .contains("id=\"Check\"");

            // nothing of this key ships in bpmn/: restoring it is refused with a readable message
            page.locator("#restore-installed").click();
            assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("shipped")))
                    .isVisible();

            // version 1 opened as a draft in the editor
            page.locator("#open-draft-1").click();
            assertThat(page).hasURL(Pattern.compile(".*/processes/" + KEY + "/model\\?.*draft=.*"));
            assertThat(page.locator("#modeler")).hasAttribute("data-ready", "true");
            WorkbenchBrowserTest.asOwner(() -> assertThat(models.drafts(KEY)).anySatisfy(d -> {
                assertThat(d.baseVersion()).isEqualTo(1);
                assertThat(d.createdBy()).isEqualTo("owner");
                assertThat(d.kind()).isEqualTo(ModelKind.BPMN);
            }));
        } finally {
            page.context().close();
        }
    }
}
