package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Tokens;
import io.millflow.processes.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process-models API (issue 7): the server refuses models with unknown topics or roles even when posted directly
 * (acceptance 2), only process owners and admins change models and every change is audited (acceptance 5), bad
 * input is a clear RFC 7807 problem and deploys nothing (acceptance 6); drafts, versions, diff, export and restore.
 * Uses test-only keys (wb-test-*); the one shipped model it touches (a decision) is restored from bpmn/, which
 * deploys the shipped content again.
 */
@AppTest
class ProcessModelsApiTest {

    static final String BASE = "/api/v1/process-models";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    String token(String user) {
        return Tokens.user(port, user);
    }

    // fixtures ///////////////////////////////////////////////////////////////////////

    /** start → elements (each "type|id|attributes") → end, with incoming/outgoing and DI: lint-clean by itself. */
    static String bpmn(String key, String... elements) {
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"startEvent", "Start", "name=\"Started\""});
        for (String e : elements) {
            all.add(e.split("\\|", 3));
        }
        all.add(new String[] {"endEvent", "End", "name=\"Ended\""});
        StringBuilder process = new StringBuilder();
        StringBuilder di = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            String[] e = all.get(i);
            process.append("<bpmn:").append(e[0]).append(" id=\"").append(e[1]).append("\" ").append(e[2]).append(">");
            if (i > 0) {
                process.append("<bpmn:incoming>F").append(i - 1).append("</bpmn:incoming>");
            }
            if (i < all.size() - 1) {
                process.append("<bpmn:outgoing>F").append(i).append("</bpmn:outgoing>");
            }
            process.append("</bpmn:").append(e[0]).append(">\n");
            if (i < all.size() - 1) {
                process.append("<bpmn:sequenceFlow id=\"F").append(i).append("\" sourceRef=\"").append(e[1])
                        .append("\" targetRef=\"").append(all.get(i + 1)[1]).append("\"/>\n");
                di.append("<bpmndi:BPMNEdge id=\"F").append(i).append("_di\" bpmnElement=\"F").append(i)
                        .append("\"><di:waypoint x=\"").append(200 * i + 100).append("\" y=\"120\"/><di:waypoint x=\"")
                        .append(200 * i + 200).append("\" y=\"120\"/></bpmndi:BPMNEdge>\n");
            }
            di.append("<bpmndi:BPMNShape id=\"").append(e[1]).append("_di\" bpmnElement=\"").append(e[1])
                    .append("\"><dc:Bounds x=\"").append(200 * i).append("\" y=\"80\" width=\"100\" height=\"80\"/>"
                            + "</bpmndi:BPMNShape>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_%1$s" targetNamespace="https://millflow.io/bpmn">
                <bpmn:process id="%1$s" name="Workbench test %1$s" isExecutable="true" camunda:historyTimeToLive="P30D">
                %2$s</bpmn:process>
                <bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="%1$s">
                %3$s</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(key, process, di);
    }

    static String service(String id, String topic) {
        return "serviceTask|" + id + "|name=\"" + id + "\" camunda:type=\"external\" camunda:topic=\"" + topic + "\"";
    }

    static String user(String id, String groups) {
        return "userTask|" + id + "|name=\"" + id + "\" camunda:candidateGroups=\"" + groups + "\"";
    }

    static final String OVERLAPPING_DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                         xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="Definitions_Overlap" name="Overlap" namespace="https://millflow.io/dmn">
              <decision id="wb-test-overlap" name="Overlapping" camunda:historyTimeToLive="30">
                <decisionTable id="Table" hitPolicy="UNIQUE">
                  <input id="In" label="Amount"><inputExpression id="InE" typeRef="double"><text>amount</text></inputExpression></input>
                  <output id="Out" name="level" typeRef="string"/>
                  <rule id="Small"><inputEntry id="SmallIn"><text>&lt;= 1000</text></inputEntry><outputEntry id="SmallOut"><text>"LOW"</text></outputEntry></rule>
                  <rule id="Medium"><inputEntry id="MediumIn"><text>[500..5000]</text></inputEntry><outputEntry id="MediumOut"><text>"MID"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;

    /** POST /deployments as multipart (file + comment). */
    Api.Response upload(String user, String fileName, byte[] content, String comment) {
        String boundary = "----wb" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\n"
                    + comment + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + BASE + "/deployments"))
                    .header("Authorization", "Bearer " + token(user))
                    .header("Accept", "application/json, application/problem+json")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            String ct = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = ct.contains("json") && !r.body().isBlank() ? Api.json().readTree(r.body()) : null;
            return new Api.Response(r.statusCode(), ct, json, r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Api.Response upload(String user, String fileName, String content) {
        return upload(user, fileName, content.getBytes(StandardCharsets.UTF_8), "test");
    }

    Api.Response createDraft(String user, String kind, String xml) {
        return api.post(BASE + "/drafts", token(user), Map.of("kind", kind, "xml", xml));
    }

    String auditOf(String entityType, String entityId) {
        Api.Response r = api.get("/api/v1/audit?entityType=" + entityType + "&entityId=" + entityId, token("admin"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.raw();
    }

    static String type(Api.Response r) {
        return r.text("type") == null ? null : r.text("type").substring(r.text("type").lastIndexOf('/') + 1);
    }

    static List<String> problemRules(Api.Response r) {
        List<String> out = new ArrayList<>();
        r.body().path("problems").forEach(p -> out.add(p.path("ruleId").asText() + "@" + p.path("elementId").asText()));
        return out;
    }

    // acceptance 2 ///////////////////////////////////////////////////////////////////////

    @Test
    void aModelWithAnUnknownTopicOrRoleIsRefusedEvenWhenPostedDirectly() {
        long definitions = repository.createProcessDefinitionQuery().count();
        long deployments = repository.createDeploymentQuery().count();

        Api.Response topic = upload("owner", "wb-test-topic.bpmn",
                bpmn("wb-test-topic", service("DoSomething", "nope.unknownTopic")));
        assertThat(topic.status()).as(topic.raw()).isEqualTo(400);
        assertThat(topic.contentType()).contains("application/problem+json");
        assertThat(type(topic)).isEqualTo("model-rejected");
        assertThat(problemRules(topic)).contains("millflow/service-task-topic@DoSomething");
        assertThat(topic.text("detail")).contains("nope.unknownTopic");

        Api.Response draft = createDraft("owner", "BPMN", bpmn("wb-test-role", user("Approve", "MANAGER,NOPE")));
        assertThat(draft.status()).as("a draft may hold problems: " + draft.raw()).isEqualTo(201);
        Api.Response role = api.post(BASE + "/drafts/" + draft.text("id") + "/deploy", token("owner"),
                Map.of("comment", "should not deploy"));
        assertThat(role.status()).as(role.raw()).isEqualTo(400);
        assertThat(type(role)).isEqualTo("model-rejected");
        assertThat(problemRules(role)).contains("millflow/user-task-candidate-groups@Approve");
        assertThat(role.body().path("problems").toString()).contains("Unknown role NOPE");

        Api.Response check = api.post(BASE + "/check?kind=bpmn", token("owner"),
                bpmn("wb-test-role", user("Approve", "MANAGER,NOPE")), Map.of("Content-Type", "text/xml"));
        assertThat(check.status()).as(check.raw()).isEqualTo(200);
        assertThat(check.body().path("problems").toString()).contains("millflow/user-task-candidate-groups");

        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("wb-test-topic").count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("wb-test-role").count()).isZero();
        assertThat(auditOf("ProcessModel", "wb-test-topic")).contains("PROCESS_DEPLOY_REFUSED")
                .contains("nope.unknownTopic");
        assertThat(auditOf("ProcessModel", "wb-test-role")).contains("PROCESS_DEPLOY_REFUSED");
    }

    // acceptance 6 ///////////////////////////////////////////////////////////////////////

    @Test
    void badInputIsAClearProblemAndNothingIsDeployed() {
        long deployments = repository.createDeploymentQuery().count();

        Api.Response notBpmn = upload("owner", "notes.bpmn", "These are my notes, not a process.");
        assertThat(notBpmn.status()).as(notBpmn.raw()).isEqualTo(400);
        assertThat(type(notBpmn)).isEqualTo("invalid-model");
        assertThat(notBpmn.text("detail")).contains("not a BPMN model");

        Api.Response html = upload("owner", "page.bpmn", "<html><body>hello</body></html>");
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.text("detail")).contains("not a BPMN model");

        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
                  <bpmn:process id="wb-test-xxe" name="&secret;" isExecutable="true"/>
                </bpmn:definitions>
                """;
        Api.Response entity = upload("owner", "wb-test-xxe.bpmn", xxe);
        assertThat(entity.status()).as(entity.raw()).isEqualTo(400);
        assertThat(type(entity)).isEqualTo("invalid-model");
        assertThat(entity.text("detail")).isEqualTo("DOCTYPE/external entities are not accepted");
        assertThat(entity.raw()).doesNotContain("root:");
        Api.Response entityCheck = api.post(BASE + "/check", token("owner"), xxe, Map.of("Content-Type", "text/xml"));
        assertThat(entityCheck.status()).isEqualTo(400);
        assertThat(type(entityCheck)).isEqualTo("invalid-model");

        String model = bpmn("wb-test-big", service("Do", Topics.PMS_CREATE_PROJECT));
        byte[] big = model.replace("</bpmn:definitions>", "<!--" + "x".repeat(5 * 1024 * 1024) + "-->"
                + "</bpmn:definitions>").getBytes(StandardCharsets.UTF_8);
        Api.Response tooLarge = upload("owner", "wb-test-big.bpmn", big, "big");
        assertThat(tooLarge.status()).as(tooLarge.raw()).isEqualTo(413);
        assertThat(type(tooLarge)).isEqualTo("model-too-large");
        assertThat(tooLarge.text("detail")).contains("5 MB");

        // lint-clean, but the engine cannot parse the condition: its parse error is an invalid-model problem too
        String badCondition = bpmn("wb-test-engine", "exclusiveGateway|Decide|name=\"Decide?\" default=\"Never\"",
                service("Do", Topics.PMS_CREATE_PROJECT))
                .replace("<bpmn:outgoing>F1</bpmn:outgoing></bpmn:exclusiveGateway>",
                        "<bpmn:outgoing>F1</bpmn:outgoing><bpmn:outgoing>Never</bpmn:outgoing></bpmn:exclusiveGateway>")
                .replace("<bpmn:incoming>F2</bpmn:incoming>", "<bpmn:incoming>F2</bpmn:incoming><bpmn:incoming>Never</bpmn:incoming>")
                .replace("<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Decide\" targetRef=\"Do\"/>",
                        "<bpmn:sequenceFlow id=\"F1\" name=\"yes\" sourceRef=\"Decide\" targetRef=\"Do\">"
                                + "<bpmn:conditionExpression>${ok ==}</bpmn:conditionExpression></bpmn:sequenceFlow>"
                                + "<bpmn:sequenceFlow id=\"Never\" name=\"no\" sourceRef=\"Decide\" targetRef=\"End\"/>")
                .replace("</bpmndi:BPMNPlane>", "<bpmndi:BPMNEdge id=\"Never_di\" bpmnElement=\"Never\">"
                        + "<di:waypoint x=\"250\" y=\"160\"/><di:waypoint x=\"600\" y=\"160\"/></bpmndi:BPMNEdge>"
                        + "</bpmndi:BPMNPlane>");
        Api.Response lintClean = api.post(BASE + "/check", token("owner"), badCondition, Map.of("Content-Type", "text/xml"));
        assertThat(lintClean.body().path("problems").findValuesAsText("severity")).as(lintClean.raw())
                .doesNotContain("ERROR");
        Api.Response engine = upload("owner", "wb-test-engine.bpmn", badCondition);
        assertThat(engine.status()).as(engine.raw()).isEqualTo(400);
        assertThat(type(engine)).isEqualTo("invalid-model");
        assertThat(engine.text("detail")).startsWith("The engine refused the model");

        Api.Response overlap = upload("owner", "wb-test-overlap.dmn", OVERLAPPING_DMN);
        assertThat(overlap.status()).as(overlap.raw()).isEqualTo(400);
        assertThat(type(overlap)).isEqualTo("model-rejected");
        assertThat(problemRules(overlap)).containsExactly("millflow/dmn-unique-overlap@Medium");
        assertThat(overlap.body().path("problems").get(0).path("message").asText())
                .contains("1 (Small)").contains("2 (Medium)").contains("UNIQUE");

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("wb-test-overlap").count())
                .isZero();
        assertThat(auditOf("ProcessModel", "wb-test-overlap")).contains("PROCESS_DEPLOY_REFUSED");
    }

    // acceptance 5 ///////////////////////////////////////////////////////////////////////

    @Test
    void onlyProcessOwnersAndAdminsMayChangeModels() {
        long deployments = repository.createDeploymentQuery().count();
        String model = bpmn("wb-test-roles", service("Do", Topics.PMS_CREATE_PROJECT));
        for (String user : List.of("employee", "manager", "buyer", "finance")) {
            assertThat(upload(user, "wb-test-roles.bpmn", model).status()).as(user + " deploys").isEqualTo(403);
            assertThat(createDraft(user, "BPMN", model).status()).as(user + " saves a draft").isEqualTo(403);
            assertThat(api.post(BASE + "/dmn/cycle-count-tolerance/restore", token(user), Map.of()).status())
                    .as(user + " restores").isEqualTo(403);
            assertThat(api.get(BASE, token(user)).status()).as(user + " lists").isEqualTo(403);
            assertThat(api.get(BASE + "/drafts", token(user)).status()).as(user + " lists drafts").isEqualTo(403);
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

        Api.Response draft = createDraft("owner", "BPMN", model);
        assertThat(draft.status()).as(draft.raw()).isEqualTo(201);
        String id = draft.text("id");
        assertThat(api.post(BASE + "/drafts/" + id + "/deploy", token("employee"), Map.of()).status()).isEqualTo(403);
        assertThat(api.delete(BASE + "/drafts/" + id, token("manager")).status()).isEqualTo(403);

        Api.Response byOwner = api.post(BASE + "/drafts/" + id + "/deploy", token("owner"), Map.of("comment", "first"));
        assertThat(byOwner.status()).as(byOwner.raw()).isEqualTo(201);
        assertThat(byOwner.text("deployedBy")).isEqualTo("owner");
        Api.Response byAdmin = upload("admin", "wb-test-roles.bpmn", model);
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(201);
        assertThat(byAdmin.text("deployedBy")).isEqualTo("admin");
        assertThat(byAdmin.body().path("version").asInt()).isEqualTo(2);
        assertThat(api.get(BASE, token("admin")).status()).isEqualTo(200);

        assertThat(api.delete(BASE + "/drafts/" + id, token("admin")).status()).isEqualTo(204);
        assertThat(auditOf("ProcessModelDraft", id)).contains("PROCESS_DRAFT_SAVED").contains("PROCESS_DRAFT_DELETED");
        assertThat(auditOf("ProcessModel", "wb-test-roles")).contains("PROCESS_DEPLOYED").contains("\"owner\"")
                .contains("\"admin\"");
    }

    // drafts, versions, diff, export, restore ////////////////////////////////////////////

    @Test
    void draftsBecomeVersionsThatCanBeComparedExportedAndRestored() {
        String v1 = bpmn("wb-test-flow", service("Create", Topics.PMS_CREATE_PROJECT), user("Approve", "MANAGER"));
        Api.Response draft = createDraft("owner", "BPMN", v1);
        assertThat(draft.status()).as(draft.raw()).isEqualTo(201);
        String id = draft.text("id");
        assertThat(draft.text("key")).isEqualTo("wb-test-flow");
        assertThat(draft.text("createdBy")).isEqualTo("owner");
        long version = draft.body().path("version").asLong();

        Api.Response first = api.post(BASE + "/drafts/" + id + "/deploy", token("owner"), Map.of("comment", "v1"));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().path("version").asInt()).isEqualTo(1);
        assertThat(first.text("source")).isEqualTo("WORKBENCH");
        assertThat(first.body().path("historyTimeToLiveDays").asInt()).isEqualTo(30);

        String v2 = bpmn("wb-test-flow", service("Create", Topics.PMS_CREATE_PROJECT),
                user("Approve", "MANAGER,FINANCE"), user("Check", "FINANCE"));
        Api.Response reloaded = api.get(BASE + "/drafts/" + id, token("owner"));
        assertThat(reloaded.body().path("version").asLong()).as("deploying leaves the draft as it is")
                .isEqualTo(version);
        assertThat(reloaded.body().path("baseVersion").isNull()).as("no version existed when it was started").isTrue();
        assertThat(api.get(BASE + "/drafts?key=wb-test-flow", token("owner")).body().findValuesAsText("id"))
                .containsExactly(id);
        Api.Response saved = api.put(BASE + "/drafts/" + id, token("admin"), Map.of("xml", v2,
                "expectedVersion", version));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.text("updatedBy")).isEqualTo("admin");
        Api.Response stale = api.put(BASE + "/drafts/" + id, token("owner"), Map.of("xml", v1,
                "expectedVersion", version));
        assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
        assertThat(type(stale)).isEqualTo("stale-draft");
        assertThat(stale.text("detail")).contains("admin");

        Api.Response second = api.post(BASE + "/drafts/" + id + "/deploy", token("owner"), Map.of("comment", "v2"));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.body().path("version").asInt()).isEqualTo(2);

        Api.Response versions = api.get(BASE + "/bpmn/wb-test-flow/versions", token("owner"));
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.body().findValuesAsText("version")).containsExactly("2", "1");
        assertThat(versions.body().findValuesAsText("comment")).containsExactly("v2", "v1");
        assertThat(versions.body().findValuesAsText("deployedBy")).containsExactly("owner", "owner");
        assertThat(versions.body().get(0).path("deployedAt").isNull()).isFalse();

        Api.Response diff = api.get(BASE + "/bpmn/wb-test-flow/diff?from=1&to=2", token("owner"));
        assertThat(diff.status()).as(diff.raw()).isEqualTo(200);
        assertThat(diff.body().path("added").findValuesAsText("elementId")).contains("Check", "F3");
        assertThat(diff.body().path("removed").findValuesAsText("elementId")).isEmpty();
        JsonNode approve = null;
        for (JsonNode c : diff.body().path("changed")) {
            if ("Approve".equals(c.path("elementId").asText())) {
                approve = c;
            }
        }
        assertThat(approve).as(diff.raw()).isNotNull();
        assertThat(approve.path("type").asText()).isEqualTo("userTask");
        assertThat(approve.path("changes").toString()).contains("camunda:candidateGroups").contains("\"MANAGER\"")
                .contains("\"MANAGER,FINANCE\"");

        Api.Response export = api.get(BASE + "/bpmn/wb-test-flow/versions/1", token("owner"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("attachment").contains("wb-test-flow.bpmn");
        assertThat(export.raw()).contains("id=\"wb-test-flow\"").doesNotContain("id=\"Check\"");
        assertThat(api.get(BASE + "/bpmn/wb-test-flow/versions/9", token("owner")).status()).isEqualTo(404);

        Api.Response opened = api.post(BASE + "/bpmn/wb-test-flow/versions/1/drafts", token("owner"), Map.of());
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.body().path("baseVersion").asInt()).isEqualTo(1);
        assertThat(opened.text("xml")).doesNotContain("id=\"Check\"");

        Api.Response listed = api.get(BASE, token("owner"));
        assertThat(listed.status()).isEqualTo(200);
        JsonNode flow = null;
        for (JsonNode m : listed.body()) {
            if ("wb-test-flow".equals(m.path("key").asText())) {
                flow = m;
            }
        }
        assertThat(flow).isNotNull();
        assertThat(flow.path("latestVersion").asInt()).isEqualTo(2);
        assertThat(flow.path("drafts").asInt()).isEqualTo(2);
        assertThat(listed.raw()).contains("\"purchase-order\"").contains("\"purchase-approval-levels\"");

        Api.Response context = api.get(BASE + "/lint-context", token("owner"));
        assertThat(context.body().path("topics").toString()).contains(Topics.PMS_CREATE_PROJECT);
        assertThat(context.body().path("roles").toString()).contains("FINANCE");
        assertThat(context.body().path("decisions").toString()).contains("purchase-approval-levels");

        assertThat(api.post(BASE + "/bpmn/wb-test-flow/restore", token("owner"), Map.of()).status())
                .as("no shipped model").isEqualTo(404);
        assertThat(auditOf("ProcessModel", "wb-test-flow")).contains("PROCESS_DEPLOYED");
        assertThat(auditOf("ProcessModelDraft", id)).contains("PROCESS_DRAFT_SAVED");
    }

    @Test
    void aShippedModelIsRestoredFromBpmnAndInstalledVersionsSaySo() {
        Api.Response installed = api.get(BASE + "/bpmn/purchase-order/versions", token("owner"));
        assertThat(installed.status()).isEqualTo(200);
        JsonNode oldest = installed.body().get(installed.body().size() - 1);
        assertThat(oldest.path("source").asText()).isEqualTo("INSTALLED");
        assertThat(oldest.path("deployedBy").asText()).isEqualTo("system");

        int before = repository.createDecisionDefinitionQuery().decisionDefinitionKey("cycle-count-tolerance")
                .latestVersion().singleResult().getVersion();
        Api.Response restored = api.post(BASE + "/dmn/cycle-count-tolerance/restore", token("admin"), Map.of());
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        assertThat(restored.body().path("version").asInt()).isEqualTo(before + 1);
        assertThat(restored.text("source")).isEqualTo("INSTALLED");
        assertThat(restored.text("deployedBy")).isEqualTo("admin");
        assertThat(restored.text("comment")).isEqualTo("Restored from bpmn/cycle-count-tolerance.dmn");

        Api.Response diff = api.get(BASE + "/dmn/cycle-count-tolerance/diff?from=" + before + "&to=" + (before + 1),
                token("owner"));
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.body().path("added").size() + diff.body().path("removed").size()
                + diff.body().path("changed").size()).as("same content").isZero();
        assertThat(auditOf("ProcessModel", "cycle-count-tolerance")).contains("PROCESS_RESTORED");
    }

    @Test
    void formsAreDeployedAndVersionedToo() {
        String form = """
                {"type": "default", "id": "wb-test-form", "schemaVersion": 16, "components": [
                  {"type": "textfield", "id": "Field_1", "key": "costCentre", "label": "Cost centre"}]}
                """;
        Api.Response deployed = upload("owner", "wb-test-form.form", form);
        assertThat(deployed.status()).as(deployed.raw()).isEqualTo(201);
        assertThat(deployed.text("kind")).isEqualTo("FORM");
        assertThat(deployed.body().path("version").asInt()).isEqualTo(1);
        Api.Response bad = upload("owner", "wb-test-form.form", form.replace("\"costCentre\"", "\"\""));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(problemRules(bad)).containsExactly("millflow/form-schema@Field_1");
        Api.Response versions = api.get(BASE + "/form/wb-test-form/versions", token("owner"));
        assertThat(versions.body().findValuesAsText("version")).containsExactly("1");
        assertThat(api.get(BASE + "/form/wb-test-form/versions/1", token("owner")).raw()).contains("costCentre");
        assertThat(api.get(BASE + "/lint-context", token("owner")).body().path("forms").toString())
                .contains("wb-test-form");
    }
}
