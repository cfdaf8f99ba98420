package io.millflow.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.processes.Roles;
import io.millflow.processes.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BaseElement;
import org.operaton.bpm.model.bpmn.instance.BusinessRuleTask;
import org.operaton.bpm.model.bpmn.instance.MessageEventDefinition;
import org.operaton.bpm.model.bpmn.instance.SendTask;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.operaton.bpm.model.dmn.Dmn;
import org.operaton.bpm.model.dmn.DmnModelInstance;
import org.operaton.bpm.model.dmn.instance.Decision;
import org.operaton.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Conventions every model in {@code bpmn/} follows (see ARCHITECTURE.md): one executable process per
 * file named like the file, service tasks are external tasks on a topic of {@link Topics} served by
 * exactly one worker, user tasks carry known roles as candidate groups, history time to live is set.
 */
class BpmnConventionsTest {

    /** The repository's model folder, seen from the workers module directory (Maven's working directory). */
    private static final Path MODELS = Path.of("..", "bpmn");

    private static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final String OPERATON_BPMN_NS = "http://operaton.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";
    private static final String OPERATON_DMN_NS = "http://operaton.org/schema/1.0/dmn";

    @Test
    void modelsFollowConventions() {
        assertThat(MODELS).as("model folder %s", MODELS.toAbsolutePath().normalize()).isDirectory();
        List<String> problems = problems(MODELS);
        assertThat(problems)
                .withFailMessage(() -> "Models in " + MODELS.toAbsolutePath().normalize() + " break conventions:\n  "
                        + String.join("\n  ", problems))
                .isEmpty();
    }

    @Test
    void everyTopicIsServedByExactlyOneWorker() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ExternalTaskWorker.class));
        Map<String, List<String>> workersByTopic = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.millflow.workers")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            // workers return a constant; CALLS_REAL_METHODS runs topic() without running a constructor
            ExternalTaskWorker worker = (ExternalTaskWorker) Mockito.mock(type, Mockito.CALLS_REAL_METHODS);
            workersByTopic.computeIfAbsent(worker.topic(), t -> new ArrayList<>()).add(type.getName());
        }

        Map<String, List<String>> duplicates = workersByTopic.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertThat(duplicates).as("topics served by more than one worker").isEmpty();
        assertThat(workersByTopic.keySet())
                .as("topics served by workers %s must be exactly Topics.all()", workersByTopic)
                .containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void checkerReportsUnknownTopicAndUnknownRole(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken-process.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_Broken" targetNamespace="https://millflow.io/bpmn">
                  <bpmn:process id="broken-process" isExecutable="true" camunda:historyTimeToLive="P30D">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:serviceTask id="DoSomething" camunda:type="external" camunda:topic="nope.unknownTopic"/>
                    <bpmn:userTask id="ApproveSomething" camunda:candidateGroups="MANAGER, NOPE"/>
                    <bpmn:userTask id="DynamicGroup" camunda:candidateGroups="${group}"/>
                    <bpmn:endEvent id="End"/>
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="DoSomething"/>
                    <bpmn:sequenceFlow id="F2" sourceRef="DoSomething" targetRef="ApproveSomething"/>
                    <bpmn:sequenceFlow id="F3" sourceRef="ApproveSomething" targetRef="DynamicGroup"/>
                    <bpmn:sequenceFlow id="F4" sourceRef="DynamicGroup" targetRef="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        List<String> problems = problems(folder);

        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("broken-process.bpmn").contains("DoSomething").contains("nope.unknownTopic"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("broken-process.bpmn").contains("ApproveSomething").contains("NOPE"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("DynamicGroup").contains("expressions"));
        assertThat(problems).hasSize(3);
    }

    @Test
    void checkerReportsNamingAndHistoryProblems(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("some-rules.dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             id="Definitions_Rules" name="Rules" namespace="https://millflow.io/dmn">
                  <decision id="other-rules" name="Other rules">
                    <decisionTable id="Table" hitPolicy="UNIQUE">
                      <input id="In"><inputExpression id="InExpr" typeRef="string"><text>x</text></inputExpression></input>
                      <output id="Out" name="y" typeRef="string"/>
                    </decisionTable>
                  </decision>
                </definitions>
                """);

        List<String> problems = problems(folder);

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no .bpmn file"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("some-rules.dmn").contains("decision id"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .contains("some-rules.dmn").contains("other-rules").contains("historyTimeToLive"));

        Files.writeString(folder.resolve("misnamed.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  id="Definitions_Misnamed" targetNamespace="https://millflow.io/bpmn">
                  <bpmn:process id="another-name" isExecutable="true">
                    <bpmn:serviceTask id="Delegate"/>
                  </bpmn:process>
                </bpmn:definitions>
                """);

        problems = problems(folder);

        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("no .bpmn file"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("misnamed.bpmn").contains("another-name")
                .contains("file name"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("misnamed.bpmn").contains("another-name")
                .contains("historyTimeToLive"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("misnamed.bpmn").contains("Delegate")
                .contains("external"));
    }

    /** Every convention problem of the models in {@code folder}, one line each naming file and element. */
    static List<String> problems(Path folder) {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return List.of(folder + ": cannot list model folder: " + e);
        }
        if (files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".bpmn"))) {
            problems.add(folder + ": no .bpmn file in the model folder");
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith(".bpmn")) {
                checkBpmn(file, problems);
            } else if (name.endsWith(".dmn")) {
                checkDmn(file, problems);
            }
        }
        return problems;
    }

    private static void checkBpmn(Path file, List<String> problems) {
        String name = file.getFileName().toString();
        String expectedId = name.substring(0, name.length() - ".bpmn".length());
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromFile(file.toFile());
        } catch (RuntimeException e) {
            problems.add(name + ": does not parse as BPMN: " + e.getMessage());
            return;
        }

        Collection<org.operaton.bpm.model.bpmn.instance.Process> processes =
                model.getModelElementsByType(org.operaton.bpm.model.bpmn.instance.Process.class);
        List<String> executable = processes.stream().filter(p -> p.isExecutable()).map(BaseElement::getId).toList();
        if (executable.size() != 1) {
            problems.add(name + ": has " + executable.size() + " executable processes " + executable
                    + ", expected exactly one with id '" + expectedId + "'");
        } else if (!expectedId.equals(executable.get(0))) {
            problems.add(name + ": executable process '" + executable.get(0) + "' must have the file name as id: '"
                    + expectedId + "'");
        }
        for (var process : processes) {
            if (isBlank(bpmnExtension(process, "historyTimeToLive"))) {
                problems.add(name + ": process '" + process.getId() + "' has no camunda:historyTimeToLive");
            }
        }

        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            checkExternal(name, "service task", task.getId(), task, true, problems);
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            checkExternal(name, "send task", task.getId(), task, true, problems);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            checkExternal(name, "business rule task", task.getId(), task, false, problems);
        }
        for (MessageEventDefinition message : model.getModelElementsByType(MessageEventDefinition.class)) {
            String eventId = message.getParentElement() instanceof BaseElement event ? event.getId() : message.getId();
            checkExternal(name, "message event", eventId, message, false, problems);
        }

        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String groups = bpmnExtension(task, "candidateGroups");
            if (isBlank(groups)) {
                problems.add(name + ": user task '" + task.getId() + "' has no camunda:candidateGroups (roles of "
                        + "Roles.ALL)");
            } else if (groups.contains("${") || groups.contains("#{")) {
                problems.add(name + ": user task '" + task.getId() + "' has candidateGroups '" + groups
                        + "': expressions are not allowed, name roles of Roles.ALL");
            } else {
                for (String group : groups.split(",", -1)) {
                    if (!Roles.isKnown(group.trim())) {
                        problems.add(name + ": user task '" + task.getId() + "' has unknown role '" + group.trim()
                                + "' in candidateGroups, known roles: " + Roles.ALL);
                    }
                }
            }
        }
    }

    /**
     * An element with an implementation must be an external task on a known topic. {@code required}: the
     * element must have an external implementation (service and send tasks); otherwise only elements that
     * declare an implementation are checked (business rule tasks with a decisionRef and plain message events
     * pass).
     */
    private static void checkExternal(String file, String kind, String id, ModelElementInstance element,
            boolean required, List<String> problems) {
        String type = bpmnExtension(element, "type");
        boolean declaresImplementation = !isBlank(type) || !isBlank(bpmnExtension(element, "class"))
                || !isBlank(bpmnExtension(element, "expression"))
                || !isBlank(bpmnExtension(element, "delegateExpression"));
        if (!required && !declaresImplementation) {
            return;
        }
        if (!"external".equals(type)) {
            problems.add(file + ": " + kind + " '" + id + "' must be an external task (camunda:type=\"external\"), "
                    + "not " + (isBlank(type) ? "a Java/expression implementation" : "type '" + type + "'"));
            return;
        }
        String topic = bpmnExtension(element, "topic");
        if (isBlank(topic)) {
            problems.add(file + ": " + kind + " '" + id + "' has no camunda:topic");
        } else if (!Topics.all().contains(topic)) {
            problems.add(file + ": " + kind + " '" + id + "' uses topic '" + topic + "' which is not in Topics.all() "
                    + Topics.all());
        }
    }

    private static void checkDmn(Path file, List<String> problems) {
        String name = file.getFileName().toString();
        String expectedId = name.substring(0, name.length() - ".dmn".length());
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromFile(file.toFile());
        } catch (RuntimeException e) {
            problems.add(name + ": does not parse as DMN: " + e.getMessage());
            return;
        }
        Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
        if (decisions.isEmpty()) {
            problems.add(name + ": has no decision");
            return;
        }
        List<String> ids = decisions.stream().map(Decision::getId).toList();
        if (!ids.contains(expectedId)) {
            problems.add(name + ": the file name must equal a decision id, but decision ids are " + ids);
        }
        for (Decision decision : decisions) {
            if (isBlank(extension(decision, "historyTimeToLive", CAMUNDA_DMN_NS, OPERATON_DMN_NS))) {
                problems.add(name + ": decision '" + decision.getId() + "' has no camunda:historyTimeToLive");
            }
        }
    }

    /** A Camunda 7 extension attribute; Operaton's own namespace is accepted too. */
    private static String bpmnExtension(ModelElementInstance element, String attribute) {
        return extension(element, attribute, CAMUNDA_BPMN_NS, OPERATON_BPMN_NS);
    }

    private static String extension(ModelElementInstance element, String attribute, String... namespaces) {
        for (String ns : namespaces) {
            String value = element.getAttributeValueNs(ns, attribute);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
