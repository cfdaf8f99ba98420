package io.millflow.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.processes.Roles;
import io.millflow.processes.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server's model checks without Spring: input handling, the ported bpmnlint rules, the millflow rules. */
class ModelChecksTest {

    /** The repository's model folder, seen from the core module directory (Maven's working directory). */
    static final Path MODELS = Path.of("..", "bpmn");

    static final LintContext CONTEXT = new LintContext(Topics.all(), Roles.ALL,
            List.of("purchase-approval-levels", "purchase-approval-escalation", "cycle-count-tolerance",
                    "replenishment-auto-approval", "invoice-match-tolerance", "over-delivery-tolerance"),
            List.of("finance-review"));

    static final ModelChecks.Catalog CATALOG = new ModelChecks.Catalog() {
        @Override
        public LintContext context() {
            return CONTEXT;
        }

        @Override
        public List<String> decisionInputs(String decisionKey) {
            return switch (decisionKey) {
                case "purchase-approval-levels" -> List.of("totalAmountEur");
                case "cycle-count-tolerance" -> List.of("abcClass");
                default -> null;
            };
        }

        @Override
        public List<String> formFields(String formKey) {
            return "finance-review".equals(formKey) ? List.of("costCentre", "budgetConfirmed") : List.of();
        }
    };

    // fixtures /////////////////////////////////////////////////////////////////////

    /** One element of a linear process: its BPMN type, id and extra attributes (and optional inner XML). */
    record El(String type, String id, String attrs, String inner) {
        El(String type, String id, String attrs) {
            this(type, id, attrs, "");
        }
    }

    static El serviceTask(String id, String topic) {
        return new El("serviceTask", id, "name=\"" + id + "\" camunda:type=\"external\" camunda:topic=\"" + topic + "\"");
    }

    static El userTask(String id, String attrs) {
        return new El("userTask", id, "name=\"" + id + "\" " + attrs);
    }

    /**
     * A complete, lint-clean BPMN model: start → elements → end, with incoming/outgoing references and DI shapes.
     */
    static String linear(String processId, String processAttrs, El... elements) {
        List<El> all = new ArrayList<>();
        all.add(new El("startEvent", "Start", "name=\"Started\""));
        all.addAll(Arrays.asList(elements));
        all.add(new El("endEvent", "End", "name=\"Ended\""));
        StringBuilder process = new StringBuilder();
        StringBuilder flows = new StringBuilder();
        StringBuilder di = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            El e = all.get(i);
            process.append("    <bpmn:").append(e.type()).append(" id=\"").append(e.id()).append("\" ")
                    .append(e.attrs()).append(">\n").append(e.inner());
            if (i > 0) {
                process.append("      <bpmn:incoming>F").append(i - 1).append("</bpmn:incoming>\n");
            }
            if (i < all.size() - 1) {
                process.append("      <bpmn:outgoing>F").append(i).append("</bpmn:outgoing>\n");
                flows.append("    <bpmn:sequenceFlow id=\"F").append(i).append("\" sourceRef=\"").append(e.id())
                        .append("\" targetRef=\"").append(all.get(i + 1).id()).append("\"/>\n");
                di.append("      <bpmndi:BPMNEdge id=\"F").append(i).append("_di\" bpmnElement=\"F").append(i)
                        .append("\"><di:waypoint x=\"").append(200 * i + 100).append("\" y=\"120\"/><di:waypoint x=\"")
                        .append(200 * i + 200).append("\" y=\"120\"/></bpmndi:BPMNEdge>\n");
            }
            process.append("    </bpmn:").append(e.type()).append(">\n");
            di.append("      <bpmndi:BPMNShape id=\"").append(e.id()).append("_di\" bpmnElement=\"").append(e.id())
                    .append("\"><dc:Bounds x=\"").append(200 * i).append("\" y=\"80\" width=\"100\" height=\"80\"/>"
                            + "</bpmndi:BPMNShape>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_1" targetNamespace="https://millflow.io/bpmn">
                  <bpmn:process id="%s" name="Test process" isExecutable="true" %s>
                %s%s  </bpmn:process>
                  <bpmndi:BPMNDiagram id="Diagram_1">
                    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="%s">
                %s    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(processId, processAttrs, process, flows, processId, di);
    }

    static String linear(El... elements) {
        return linear("wb-unit", "camunda:historyTimeToLive=\"P30D\"", elements);
    }

    static CheckReport check(String content) {
        return ModelChecks.check(null, content.getBytes(StandardCharsets.UTF_8), CATALOG);
    }

    static List<ModelProblem> problems(CheckReport report, String ruleId) {
        return report.problems().stream().filter(p -> p.ruleId().equals(ruleId)).toList();
    }

    /** A DMN with one decision table of the given hit policy, inputs and rules (one entry text per input). */
    static String dmn(String hitPolicy, List<String> inputs, List<List<String>> rules) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            s.append("      <input id=\"In").append(i).append("\" label=\"").append(inputs.get(i))
                    .append("\"><inputExpression id=\"InE").append(i).append("\" typeRef=\"string\"><text>")
                    .append(inputs.get(i)).append("</text></inputExpression></input>\n");
        }
        s.append("      <output id=\"Out\" name=\"result\" typeRef=\"string\"/>\n");
        for (int r = 0; r < rules.size(); r++) {
            s.append("      <rule id=\"R").append(r + 1).append("\">");
            for (String entry : rules.get(r)) {
                s.append("<inputEntry><text>").append(entry.replace("<", "&lt;").replace(">", "&gt;"))
                        .append("</text></inputEntry>");
            }
            s.append("<outputEntry><text>\"x\"</text></outputEntry></rule>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_T" name="Test" namespace="https://millflow.io/dmn">
                  <decision id="wb-unit-decision" name="Test decision" camunda:historyTimeToLive="30">
                    <decisionTable id="Table" hitPolicy="%s">
                %s    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(hitPolicy, s);
    }

    // input handling ///////////////////////////////////////////////////////////////

    @Test
    void aCleanModelHasNoProblemsAndItsProcessIdIsItsKey() {
        CheckReport report = check(linear(serviceTask("Do", Topics.PMS_CREATE_PROJECT),
                userTask("Approve", "camunda:candidateGroups=\"MANAGER\"")));
        assertThat(report.problems()).isEmpty();
        assertThat(report.kind()).isEqualTo(ModelKind.BPMN);
        assertThat(report.key()).isEqualTo("wb-unit");
        assertThat(report.name()).isEqualTo("Test process");
    }

    @Test
    void unreadableInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> check("hello, this is not a model"))
                .isInstanceOf(ModelErrors.InvalidModel.class).hasMessageContaining("not a BPMN");
        assertThatThrownBy(() -> check("<html><body>no</body></html>"))
                .isInstanceOf(ModelErrors.InvalidModel.class).hasMessageContaining("not a BPMN");
        assertThatThrownBy(() -> check("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">"))
                .isInstanceOf(ModelErrors.InvalidModel.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> ModelChecks.check(ModelKind.BPMN, dmn("UNIQUE", List.of("a"), List.of()),
                CONTEXT)).isInstanceOf(ModelErrors.InvalidModel.class).hasMessageContaining("not a BPMN model");
        assertThatThrownBy(() -> check("{\"type\": \"something\"}"))
                .isInstanceOf(ModelErrors.InvalidModel.class).hasMessageContaining("form-js");
    }

    @Test
    void aDoctypeIsRefusedSoExternalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D">
                  <bpmn:process id="wb-xxe" name="&secret;" isExecutable="true"/>
                </bpmn:definitions>
                """;
        assertThatThrownBy(() -> check(xxe)).isInstanceOf(ModelErrors.InvalidModel.class)
                .hasMessage("DOCTYPE/external entities are not accepted");
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><definitions>&lol2;</definitions>";
        assertThatThrownBy(() -> check(billionLaughs)).isInstanceOf(ModelErrors.InvalidModel.class)
                .hasMessage("DOCTYPE/external entities are not accepted");
    }

    @Test
    void moreThanFiveMegabytesIsTooLarge() {
        String model = linear(serviceTask("Do", Topics.PMS_CREATE_PROJECT));
        String padding = "<!--" + "x".repeat(ModelChecks.MAX_BYTES) + "-->";
        String big = model.replace("</bpmn:definitions>", padding + "</bpmn:definitions>");
        assertThatThrownBy(() -> check(big)).isInstanceOf(ModelErrors.ModelTooLarge.class)
                .satisfies(e -> assertThat(((ModelErrors.ModelTooLarge) e).status().value()).isEqualTo(413));
    }

    // shipped models ////////////////////////////////////////////////////////////////

    static Stream<Path> shippedModels() throws IOException {
        return Files.list(MODELS).filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn")
                || p.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shippedModels")
    void everyShippedModelHasNoErrors(Path file) throws IOException {
        CheckReport report = ModelChecks.check(ModelKind.ofFileName(file.toString()), Files.readAllBytes(file),
                CATALOG);
        assertThat(report.errors()).as(file + " errors").isEmpty();
        String name = file.getFileName().toString();
        if (name.endsWith(".bpmn")) {
            assertThat(report.key()).isEqualTo(name.substring(0, name.length() - ".bpmn".length()));
        }
    }

    @Test
    void shippedWarningsAreTheOnesBpmnlintReports() throws IOException {
        // bpmnlint 11.15.0 recommended on bpmn/purchase-order.bpmn: four fake joins, nothing else
        CheckReport report = ModelChecks.check(ModelKind.BPMN, Files.readAllBytes(MODELS.resolve("purchase-order.bpmn")),
                CATALOG);
        assertThat(report.problems()).extracting(ModelProblem::ruleId, ModelProblem::elementId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("fake-join", "SendPurchaseOrder"),
                        org.assertj.core.groups.Tuple.tuple("fake-join", "ReceiveGoods"),
                        org.assertj.core.groups.Tuple.tuple("fake-join", "MatchInvoice"),
                        org.assertj.core.groups.Tuple.tuple("fake-join", "ClosePurchaseOrder"));
        assertThat(report.problems()).allSatisfy(p -> {
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.WARNING);
            assertThat(p.message()).isEqualTo("Incoming flows do not join");
        });
    }

    // ported bpmnlint rules (a sample) ////////////////////////////////////////////

    @Test
    void recommendedRulesHaveBpmnlintsIdsAndSeverities() {
        assertThat(BpmnLint.RECOMMENDED).hasSize(26);
        assertThat(BpmnLint.RECOMMENDED).containsEntry("label-required", ModelProblem.Severity.ERROR)
                .containsEntry("fake-join", ModelProblem.Severity.WARNING)
                .containsEntry("no-inclusive-gateway", ModelProblem.Severity.WARNING)
                .containsEntry("no-gateway-join-fork", ModelProblem.Severity.ERROR)
                .containsEntry("superfluous-gateway", ModelProblem.Severity.WARNING);
    }

    @Test
    void labelRequiredAndMissingDi() {
        String model = linear(new El("serviceTask", "Nameless", "camunda:type=\"external\" camunda:topic=\""
                + Topics.PMS_CREATE_PROJECT + "\""));
        CheckReport report = check(model);
        assertThat(problems(report, "label-required")).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("Nameless");
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
            assertThat(p.message()).isEqualTo("Element is missing label/name");
        });
        String noDi = model.replaceAll("<bpmndi:BPMNShape id=\"Nameless_di\".*?</bpmndi:BPMNShape>", "");
        assertThat(problems(check(noDi), "no-bpmndi")).extracting(ModelProblem::elementId).containsExactly("Nameless");
    }

    @Test
    void disconnectedImplicitStartAndEnd() {
        String model = linear(serviceTask("Do", Topics.PMS_CREATE_PROJECT))
                .replace("<bpmn:endEvent id=\"End\" name=\"Ended\">",
                        "<bpmn:serviceTask id=\"Lonely\" name=\"Lonely\" camunda:type=\"external\" camunda:topic=\""
                                + Topics.PMS_CREATE_PROJECT + "\"/>\n<bpmn:endEvent id=\"End\" name=\"Ended\">");
        CheckReport report = check(model);
        assertThat(problems(report, "no-disconnected")).extracting(ModelProblem::elementId).containsExactly("Lonely");
        assertThat(problems(report, "no-implicit-start")).extracting(ModelProblem::elementId).containsExactly("Lonely");
        assertThat(problems(report, "no-implicit-end")).extracting(ModelProblem::elementId).containsExactly("Lonely");
        assertThat(problems(report, "no-bpmndi")).extracting(ModelProblem::elementId).containsExactly("Lonely");
    }

    @Test
    void gatewayThatForksAndJoinsAndInclusiveGateway() throws IOException {
        String original = Files.readString(MODELS.resolve("stock-replenishment.bpmn"));
        // undo the fix: both flows into the deciding gateway again
        String broken = original.replace("targetRef=\"ReviewMerge\"", "targetRef=\"AnyToReview\"")
                .replace("<bpmn:incoming>Flow_ToAnyToReview</bpmn:incoming>",
                        "<bpmn:incoming>Flow_AfterAuto</bpmn:incoming><bpmn:incoming>Flow_NoAuto</bpmn:incoming>");
        CheckReport report = check(broken);
        assertThat(problems(report, "no-gateway-join-fork")).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("AnyToReview");
            assertThat(p.message()).isEqualTo("Gateway forks and joins");
        });
        String inclusive = original.replace("exclusiveGateway id=\"AnyAutoApproved\"", "inclusiveGateway id=\"AnyAutoApproved\"")
                .replaceFirst("</bpmn:exclusiveGateway>", "</bpmn:inclusiveGateway>");
        assertThat(problems(check(inclusive), "no-inclusive-gateway")).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.WARNING);
            assertThat(p.message()).isEqualTo("Element type <bpmn:InclusiveGateway> is discouraged");
        });
    }

    @Test
    void conditionalFlowsAndOverlappingElements() throws IOException {
        String original = Files.readString(MODELS.resolve("purchase-order.bpmn"));
        String noDefault = original.replace("<bpmn:exclusiveGateway id=\"Matched\" name=\"Matched?\" default=\"Flow_Mismatch\">",
                "<bpmn:exclusiveGateway id=\"Matched\" name=\"Matched?\">");
        assertThat(problems(check(noDefault), "conditional-flows")).extracting(ModelProblem::elementId)
                .containsExactly("Flow_Mismatch");
        String overlapping = original.replace("<dc:Bounds x=\"2090\" y=\"160\" width=\"100\" height=\"80\"/>",
                "<dc:Bounds x=\"2145\" y=\"160\" width=\"100\" height=\"80\"/>");
        assertThat(problems(check(overlapping), "no-overlapping-elements")).extracting(ModelProblem::elementId)
                .isNotEmpty().allMatch(id -> List.of("InvoiceWaiting", "WaitForInvoice", "MatchInvoice").contains(id));
    }

    // millflow rules ///////////////////////////////////////////////////////////////

    @Test
    void serviceTaskTopic() {
        assertThat(problems(check(linear(serviceTask("Do", Topics.PMS_CREATE_PROJECT))),
                ModelChecks.SERVICE_TASK_TOPIC)).isEmpty();
        assertThat(problems(check(linear(serviceTask("Do", "nope.unknownTopic"))), ModelChecks.SERVICE_TASK_TOPIC))
                .singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Do");
                    assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
                    assertThat(p.message()).contains("Unknown topic nope.unknownTopic")
                            .contains(Topics.PMS_CREATE_PROJECT);
                });
        assertThat(problems(check(linear(new El("serviceTask", "Java", "name=\"Java\" camunda:class=\"x.Y\""))),
                ModelChecks.SERVICE_TASK_TOPIC)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("use an external task topic"));
        assertThat(problems(check(linear(new El("sendTask", "Send",
                "name=\"Send\" camunda:expression=\"${mail.send()}\""))), ModelChecks.SERVICE_TASK_TOPIC)).hasSize(1);
        assertThat(problems(check(linear(new El("serviceTask", "NoTopic", "name=\"NoTopic\" camunda:type=\"external\""))),
                ModelChecks.SERVICE_TASK_TOPIC)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("External task has no topic"));
        String throwing = linear(new El("intermediateThrowEvent", "Notify", "name=\"Notify\"",
                "      <bpmn:messageEventDefinition id=\"M\" camunda:type=\"external\" camunda:topic=\"x.unknown\"/>\n"));
        assertThat(problems(check(throwing), ModelChecks.SERVICE_TASK_TOPIC)).extracting(ModelProblem::elementId)
                .containsExactly("Notify");
    }

    @Test
    void userTaskCandidateGroups() {
        assertThat(problems(check(linear(userTask("Ok", "camunda:candidateGroups=\"MANAGER, FINANCE\""))),
                ModelChecks.USER_TASK_CANDIDATE_GROUPS)).isEmpty();
        assertThat(problems(check(linear(userTask("Assigned", "camunda:assignee=\"${projectManager}\""))),
                ModelChecks.USER_TASK_CANDIDATE_GROUPS)).isEmpty();
        assertThat(problems(check(linear(userTask("Nobody", ""))), ModelChecks.USER_TASK_CANDIDATE_GROUPS))
                .singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("Nobody");
                    assertThat(p.message()).isEqualTo("User task has no candidate group");
                });
        assertThat(problems(check(linear(userTask("Foo", "camunda:candidateGroups=\"MANAGER,FOO\""))),
                ModelChecks.USER_TASK_CANDIDATE_GROUPS)).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("Unknown role FOO; known roles: ").contains("FINANCE"));
    }

    @Test
    void historyTimeToLive() {
        assertThat(problems(check(linear("wb-unit", "", serviceTask("Do", Topics.PMS_CREATE_PROJECT))),
                ModelChecks.HISTORY_TIME_TO_LIVE)).singleElement().satisfies(p -> {
                    assertThat(p.elementId()).isEqualTo("wb-unit");
                    assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
                });
        assertThat(problems(check(linear(serviceTask("Do", Topics.PMS_CREATE_PROJECT))),
                ModelChecks.HISTORY_TIME_TO_LIVE)).isEmpty();
        String decisionWithout = dmn("UNIQUE", List.of("a"), List.of(List.of("\"x\""))).replace(
                " camunda:historyTimeToLive=\"30\"", "");
        assertThat(problems(check(decisionWithout), ModelChecks.HISTORY_TIME_TO_LIVE)).hasSize(1);
    }

    @Test
    void decisionExistsAndItsInputsAreSet() {
        El known = new El("businessRuleTask", "Decide", "name=\"Decide\" camunda:decisionRef=\"purchase-approval-levels\" "
                + "camunda:resultVariable=\"approvalLevels\" camunda:mapDecisionResult=\"singleEntry\"");
        assertThat(check(linear(known)).errors()).isEmpty();
        El unknown = new El("businessRuleTask", "Decide", "name=\"Decide\" camunda:decisionRef=\"no-such-decision\"");
        assertThat(problems(check(linear(unknown)), ModelChecks.DECISION_EXISTS)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Decision no-such-decision is not deployed"));
        // abcClass is not a shared variable: it must be set in the model
        El counted = new El("businessRuleTask", "Tolerance", "name=\"Tolerance\" camunda:decisionRef=\"cycle-count-tolerance\"");
        assertThat(problems(check(linear(counted)), ModelChecks.DMN_INPUT)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("decision input abcClass is never set"));
        El withParameter = new El("businessRuleTask", "Tolerance", "name=\"Tolerance\" camunda:decisionRef=\"cycle-count-tolerance\"",
                "      <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"abcClass\">A"
                        + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>\n");
        assertThat(problems(check(linear(withParameter)), ModelChecks.DMN_INPUT)).isEmpty();
    }

    @Test
    void dmnInputExpressionsAndEntries() {
        String empty = dmn("UNIQUE", List.of("a"), List.of(List.of("\"x\""))).replace("<text>a</text></inputExpression>",
                "<text> </text></inputExpression>");
        assertThat(problems(check(empty), ModelChecks.DMN_INPUT)).singleElement()
                .satisfies(p -> assertThat(p.elementId()).isEqualTo("In0"));
        String missingEntry = dmn("UNIQUE", List.of("a", "b"), List.of(List.of("\"x\"", "1"), List.of("\"y\"")));
        assertThat(problems(check(missingEntry), ModelChecks.DMN_INPUT)).singleElement().satisfies(p -> {
            assertThat(p.elementId()).isEqualTo("R2");
            assertThat(p.message()).isEqualTo("Rule 2 has 1 input entries, the table has 2 inputs");
        });
    }

    @Test
    void formExists() {
        assertThat(problems(check(linear(userTask("Review", "camunda:candidateGroups=\"FINANCE\" "
                + "camunda:formRef=\"finance-review\" camunda:formRefBinding=\"latest\""))), ModelChecks.FORM_EXISTS))
                .isEmpty();
        assertThat(problems(check(linear(userTask("Review", "camunda:candidateGroups=\"FINANCE\" "
                + "camunda:formRef=\"no-such-form\" camunda:formRefBinding=\"latest\""))), ModelChecks.FORM_EXISTS))
                .singleElement().satisfies(p -> assertThat(p.message()).startsWith("Form no-such-form is neither"));
    }

    @Test
    void formSchema() {
        String good = """
                {"type": "default", "id": "wb-form", "components": [
                  {"type": "textfield", "id": "F1", "key": "costCentre"},
                  {"type": "text", "id": "T1", "text": "# Title"},
                  {"type": "group", "id": "G1", "components": [{"type": "checkbox", "id": "F2", "key": "ok"}]}]}
                """;
        CheckReport report = check(good);
        assertThat(report.kind()).isEqualTo(ModelKind.FORM);
        assertThat(report.key()).isEqualTo("wb-form");
        assertThat(report.problems()).isEmpty();
        String bad = """
                {"type": "default", "id": "wb-form", "components": [
                  {"type": "textfield", "id": "F1", "key": "amount"},
                  {"type": "number", "id": "F2", "key": "amount"},
                  {"type": "textarea", "id": "F3"}]}
                """;
        assertThat(problems(check(bad), ModelChecks.FORM_SCHEMA)).extracting(ModelProblem::elementId)
                .containsExactlyInAnyOrder("F1", "F2", "F3");
    }

    // DMN UNIQUE overlap ///////////////////////////////////////////////////////////

    static List<ModelProblem> overlaps(String hitPolicy, List<String> inputs, List<List<String>> rules) {
        return problems(check(dmn(hitPolicy, inputs, rules)), ModelChecks.DMN_UNIQUE_OVERLAP);
    }

    @Test
    void overlappingNumericRangesAreReportedNamingBothRules() {
        List<ModelProblem> found = overlaps("UNIQUE", List.of("amount"),
                List.of(List.of("< 1000"), List.of("[500..2000]"), List.of("> 2000")));
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(ModelProblem.Severity.ERROR);
            assertThat(p.elementId()).isEqualTo("R2");
            assertThat(p.message()).contains("Rules 1 (R1) and 2 (R2)").contains("UNIQUE");
        });
        assertThat(overlaps("UNIQUE", List.of("amount"), List.of(List.of("<= 1000"), List.of(">= 1000")))).hasSize(1);
        assertThat(overlaps("UNIQUE", List.of("amount"), List.of(List.of("5"), List.of("[1..10]")))).hasSize(1);
    }

    @Test
    void disjointRangesAreNotReported() {
        assertThat(overlaps("UNIQUE", List.of("amount"),
                List.of(List.of("< 1000"), List.of("[1000..10000["), List.of(">= 10000")))).isEmpty();
        assertThat(overlaps("UNIQUE", List.of("amount"), List.of(List.of("]1..2["), List.of("[2..3]")))).isEmpty();
        // the same ranges under another hit policy are fine
        assertThat(overlaps("FIRST", List.of("amount"), List.of(List.of("< 10"), List.of("< 20")))).isEmpty();
    }

    @Test
    void stringListsOverlapWhenTheyShareAValue() {
        assertThat(overlaps("UNIQUE", List.of("abcClass"), List.of(List.of("\"A\",\"B\""), List.of("\"B\", \"C\""))))
                .hasSize(1);
        assertThat(overlaps("UNIQUE", List.of("abcClass"), List.of(List.of("\"A\""), List.of("\"B\",\"C\""))))
                .isEmpty();
        // a second input that separates the rules
        assertThat(overlaps("UNIQUE", List.of("abcClass", "amount"),
                List.of(List.of("\"A\"", "< 10"), List.of("\"A\"", ">= 10")))).isEmpty();
        assertThat(overlaps("UNIQUE", List.of("priced"), List.of(List.of("true"), List.of("false")))).isEmpty();
    }

    @Test
    void aDashOrEmptyEntryMatchesAnything() {
        assertThat(overlaps("UNIQUE", List.of("abcClass", "amount"),
                List.of(List.of("\"A\"", "-"), List.of("\"A\"", "< 10")))).hasSize(1);
        assertThat(overlaps("UNIQUE", List.of("abcClass"), List.of(List.of(""), List.of("\"C\"")))).hasSize(1);
        // absent hit policy is UNIQUE
        assertThat(problems(check(dmn("UNIQUE", List.of("a"), List.of(List.of("-"), List.of("-")))
                .replace(" hitPolicy=\"UNIQUE\"", "")), ModelChecks.DMN_UNIQUE_OVERLAP)).hasSize(1);
    }

    @Test
    void undecidableExpressionsAreNotReported() {
        assertThat(overlaps("UNIQUE", List.of("abcClass"),
                List.of(List.of("\"A\""), List.of("not(\"A\", \"B\")")))).isEmpty();
        assertThat(overlaps("UNIQUE", List.of("day"),
                List.of(List.of("date(\"2026-01-01\")"), List.of("-")))).isEmpty();
        assertThat(overlaps("UNIQUE", List.of("amount"), List.of(List.of("< limit"), List.of("> 5")))).isEmpty();
    }

    @Test
    void entryParsing() {
        assertThat(DmnRules.Entry.parse(" - ").kind()).isEqualTo(DmnRules.Entry.Kind.ANY);
        assertThat(DmnRules.Entry.parse("[1..2[, >= 10").numbers()).hasSize(2);
        assertThat(DmnRules.Entry.parse("\"a, b\", \"c\"").literals()).containsExactlyInAnyOrder("a, b", "c");
        assertThat(DmnRules.Entry.parse("\"a\", 1").kind()).isEqualTo(DmnRules.Entry.Kind.UNDECIDABLE);
        assertThat(Map.of()).isEmpty();
    }
}
