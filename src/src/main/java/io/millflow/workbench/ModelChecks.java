package io.millflow.workbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.processes.Variables;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The checks a model passes before it is deployed, in plain Java (no Spring): at most 5 MB, XML without DOCTYPE,
 * the right root element, the bpmnlint {@code recommended} rules (ported, same ids and severities) and the
 * {@code millflow/*} rules. The browser runs the same rule ids; the server's answer is the one that counts.
 */
public final class ModelChecks {

    /** 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public static final String SERVICE_TASK_TOPIC = "millflow/service-task-topic";
    public static final String USER_TASK_CANDIDATE_GROUPS = "millflow/user-task-candidate-groups";
    public static final String HISTORY_TIME_TO_LIVE = "millflow/history-time-to-live";
    public static final String DECISION_EXISTS = "millflow/decision-exists";
    public static final String DMN_INPUT = DmnRules.DMN_INPUT;
    public static final String FORM_EXISTS = "millflow/form-exists";
    public static final String DMN_UNIQUE_OVERLAP = DmnRules.UNIQUE_OVERLAP;
    public static final String FORM_SCHEMA = "millflow/form-schema";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** form-js components that hold a value under their {@code key}. */
    private static final Set<String> INPUT_COMPONENTS = Set.of("textfield", "textarea", "number", "checkbox",
            "checklist", "radio", "select", "taglist", "datetime", "filepicker");

    /** What the checks look up beyond the model itself. */
    public interface Catalog {
        LintContext context();

        /** Input expressions of a deployed decision, or null when unknown. */
        default List<String> decisionInputs(String decisionKey) {
            return null;
        }

        /** Keys of the fields of a deployed or shipped form (empty when unknown). */
        default List<String> formFields(String formKey) {
            return List.of();
        }
    }

    /** A model that was read: its kind, the key it deploys as, its name and its parsed content. */
    public record ParsedModel(ModelKind kind, String key, String name, Document xml, JsonNode json) {
    }

    private ModelChecks() {
    }

    public static Catalog catalog(LintContext context) {
        return () -> context;
    }

    /** Checks a model given as text. */
    public static CheckReport check(ModelKind kind, String content, LintContext context) {
        return check(kind, content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8), catalog(context));
    }

    /**
     * Reads and checks. Unreadable input (too large, not XML/JSON, DOCTYPE, not a model of {@code expected})
     * throws; rule problems are in the report.
     */
    public static CheckReport check(ModelKind expected, byte[] content, Catalog catalog) {
        ParsedModel model = read(expected, content);
        List<ModelProblem> problems = new ArrayList<>();
        switch (model.kind()) {
            case BPMN -> {
                problems.addAll(BpmnLint.lint(model.xml()));
                millflowBpmn(model.xml().getDocumentElement(), catalog, problems);
            }
            case DMN -> DmnRules.check(model.xml().getDocumentElement(), problems);
            case FORM -> formSchema(model.json(), problems);
        }
        return new CheckReport(model.kind(), model.key(), model.name(), problems);
    }

    /** Reads a model: size, parser, root element, key. {@code expected} null = any kind. */
    public static ParsedModel read(ModelKind expected, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ModelErrors.InvalidModel("The file is empty; " + notA(expected));
        }
        if (content.length > MAX_BYTES) {
            throw new ModelErrors.ModelTooLarge(content.length);
        }
        int start = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            start = 3;
        }
        while (start < content.length && Character.isWhitespace(content[start])) {
            start++;
        }
        if (start < content.length && (content[start] == '{' || content[start] == '[')) {
            return readForm(expected, content);
        }
        if (start >= content.length || content[start] != '<') {
            throw new ModelErrors.InvalidModel("The file is neither XML nor JSON; " + notA(expected));
        }
        Document doc = Xml.parse(content);
        Element root = doc.getDocumentElement();
        ModelKind kind = null;
        if ("definitions".equals(root.getLocalName()) && Xml.BPMN.equals(root.getNamespaceURI())) {
            kind = ModelKind.BPMN;
        } else if ("definitions".equals(root.getLocalName()) && Xml.isDmn(root.getNamespaceURI())) {
            kind = ModelKind.DMN;
        }
        if (kind == null || expected != null && expected != kind) {
            throw new ModelErrors.InvalidModel("The root element is <" + root.getTagName() + ">; " + notA(expected));
        }
        if (kind == ModelKind.BPMN) {
            List<Element> processes = Xml.children(root, Xml.BPMN, "process");
            Element process = processes.stream().filter(p -> "true".equals(Xml.attr(p, "isExecutable")))
                    .findFirst().orElse(processes.isEmpty() ? null : processes.get(0));
            if (process == null || Xml.blank(Xml.attr(process, "id"))) {
                throw new ModelErrors.InvalidModel("The BPMN model has no process with an id");
            }
            return new ParsedModel(kind, Xml.attr(process, "id").strip(), Xml.attr(process, "name"), doc, null);
        }
        List<Element> decisions = Xml.children(root, root.getNamespaceURI(), "decision");
        if (decisions.isEmpty() || Xml.blank(Xml.attr(decisions.get(0), "id"))) {
            throw new ModelErrors.InvalidModel("The DMN model has no decision with an id");
        }
        Element first = decisions.get(0);
        String name = Xml.attr(first, "name") != null ? Xml.attr(first, "name") : Xml.attr(root, "name");
        return new ParsedModel(kind, Xml.attr(first, "id").strip(), name, doc, null);
    }

    private static String notA(ModelKind expected) {
        return expected == null ? "not a BPMN, DMN or form model"
                : expected == ModelKind.FORM ? "not a form (form-js JSON)" : "not a " + expected + " model";
    }

    private static ParsedModel readForm(ModelKind expected, byte[] content) {
        JsonNode json;
        try {
            json = JSON.readTree(content);
        } catch (java.io.IOException e) {
            throw new ModelErrors.InvalidModel("The file is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
        boolean form = json != null && json.isObject() && "default".equals(json.path("type").asText())
                && json.path("components").isArray();
        if (!form || expected != null && expected != ModelKind.FORM) {
            throw new ModelErrors.InvalidModel("The JSON is not a form-js form (\"type\": \"default\" with "
                    + "\"components\"); " + notA(expected));
        }
        String id = json.path("id").asText("");
        if (id.isBlank()) {
            throw new ModelErrors.InvalidModel("The form has no \"id\"");
        }
        return new ParsedModel(ModelKind.FORM, id.strip(), id.strip(), null, json);
    }

    // millflow BPMN rules ////////////////////////////////////////////////////

    private static void millflowBpmn(Element definitions, Catalog catalog, List<ModelProblem> problems) {
        LintContext context = catalog.context();
        for (Element process : Xml.children(definitions, Xml.BPMN, "process")) {
            if ("true".equals(Xml.attr(process, "isExecutable")) && Xml.blank(Xml.camunda(process,
                    "historyTimeToLive"))) {
                problems.add(ModelProblem.error(HISTORY_TIME_TO_LIVE, Xml.attr(process, "id"),
                        "Process has no historyTimeToLive"));
            }
        }
        for (String type : List.of("serviceTask", "sendTask")) {
            for (Element task : Xml.descendants(definitions, Xml.BPMN, type)) {
                externalTopic(task, task, true, context, problems);
            }
        }
        for (String type : List.of("endEvent", "intermediateThrowEvent")) {
            for (Element event : Xml.descendants(definitions, Xml.BPMN, type)) {
                for (Element message : Xml.children(event, Xml.BPMN, "messageEventDefinition")) {
                    externalTopic(event, message, false, context, problems);
                }
            }
        }
        Set<String> produced = null;
        for (Element task : Xml.descendants(definitions, Xml.BPMN, "userTask")) {
            candidateGroups(task, context, problems);
            String formRef = Xml.camunda(task, "formRef");
            if (!Xml.blank(formRef) && !isExpression(formRef) && !context.forms().contains(formRef.strip())) {
                problems.add(ModelProblem.error(FORM_EXISTS, Xml.attr(task, "id"), "Form " + formRef.strip()
                        + " is neither deployed nor shipped in bpmn/; known forms: "
                        + String.join(", ", context.forms())));
            }
        }
        for (Element task : Xml.descendants(definitions, Xml.BPMN, "businessRuleTask")) {
            String ref = Xml.camunda(task, "decisionRef");
            if (Xml.blank(ref) || isExpression(ref)) {
                continue;
            }
            String decision = ref.strip();
            if (!context.decisions().contains(decision)) {
                problems.add(ModelProblem.error(DECISION_EXISTS, Xml.attr(task, "id"), "Decision " + decision
                        + " is not deployed"));
                continue;
            }
            List<String> inputs = catalog.decisionInputs(decision);
            if (inputs == null) {
                continue;
            }
            if (produced == null) {
                produced = producedVariables(definitions, catalog);
            }
            for (String input : inputs) {
                String name = input.strip();
                if (IDENTIFIER.matcher(name).matches() && !produced.contains(name)) {
                    problems.add(ModelProblem.error(DMN_INPUT, Xml.attr(task, "id"), "decision input " + name
                            + " is never set"));
                }
            }
        }
    }

    private static void externalTopic(Element element, Element implementation, boolean required,
            LintContext context, List<ModelProblem> problems) {
        String id = Xml.attr(element, "id");
        String type = Xml.camunda(implementation, "type");
        boolean connector = false;
        Element extensions = Xml.child(implementation, Xml.BPMN, "extensionElements");
        if (extensions != null) {
            connector = Xml.children(extensions).stream().anyMatch(e -> Xml.isCamunda(e.getNamespaceURI())
                    && "connector".equals(e.getLocalName()));
        }
        boolean other = connector || !Xml.blank(Xml.camunda(implementation, "class"))
                || !Xml.blank(Xml.camunda(implementation, "expression"))
                || !Xml.blank(Xml.camunda(implementation, "delegateExpression"));
        if (!"external".equals(type == null ? null : type.strip())) {
            if (required || other || !Xml.blank(type)) {
                problems.add(ModelProblem.error(SERVICE_TASK_TOPIC, id, "Not an external task; use an external task "
                        + "topic (camunda:type=\"external\" with a topic a worker serves)"));
            }
            return;
        }
        String topic = Xml.camunda(implementation, "topic");
        if (Xml.blank(topic)) {
            problems.add(ModelProblem.error(SERVICE_TASK_TOPIC, id, "External task has no topic"));
        } else if (!context.topics().contains(topic.strip())) {
            problems.add(ModelProblem.error(SERVICE_TASK_TOPIC, id, "Unknown topic " + topic.strip()
                    + ": no worker serves it; known topics: " + String.join(", ", context.topics())));
        }
    }

    private static void candidateGroups(Element task, LintContext context, List<ModelProblem> problems) {
        String id = Xml.attr(task, "id");
        String groups = Xml.camunda(task, "candidateGroups");
        if (Xml.blank(groups)) {
            if (Xml.blank(Xml.camunda(task, "assignee"))) {
                problems.add(ModelProblem.error(USER_TASK_CANDIDATE_GROUPS, id, "User task has no candidate group"));
            }
            return;
        }
        for (String group : groups.split(",", -1)) {
            String g = group.strip();
            if (!context.roles().contains(g)) {
                problems.add(ModelProblem.error(USER_TASK_CANDIDATE_GROUPS, id, "Unknown role " + g
                        + "; known roles: " + String.join(", ", context.roles())));
            }
        }
    }

    private static boolean isExpression(String s) {
        return s.contains("${") || s.contains("#{");
    }

    /** Variables a process can rely on: shared vocabulary, start form, parameters, results, form fields. */
    private static Set<String> producedVariables(Element definitions, Catalog catalog) {
        Set<String> names = new LinkedHashSet<>(sharedVariables());
        for (String ns : new String[] {Xml.CAMUNDA_BPMN, Xml.OPERATON_BPMN}) {
            for (String param : List.of("inputParameter", "outputParameter")) {
                Xml.descendants(definitions, ns, param).forEach(e -> add(names, Xml.attr(e, "name")));
            }
            Xml.descendants(definitions, ns, "formField").forEach(e -> add(names, Xml.attr(e, "id")));
            Xml.descendants(definitions, ns, "out").forEach(e -> add(names, Xml.attr(e, "target")));
        }
        var all = definitions.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            add(names, Xml.camunda(e, "resultVariable"));
            add(names, Xml.camunda(e, "elementVariable"));
            String formRef = Xml.camunda(e, "formRef");
            if (!Xml.blank(formRef)) {
                names.addAll(catalog.formFields(formRef.strip()));
            }
        }
        return names;
    }

    private static void add(Set<String> names, String name) {
        if (!Xml.blank(name)) {
            names.add(name.strip());
        }
    }

    private static volatile Set<String> shared;

    /** The values of the constants of {@link Variables}. */
    static Set<String> sharedVariables() {
        if (shared == null) {
            Set<String> out = new LinkedHashSet<>();
            for (Field f : Variables.class.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    try {
                        out.add((String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            shared = Set.copyOf(out);
        }
        return shared;
    }

    // forms ///////////////////////////////////////////////////////////////////

    private static void formSchema(JsonNode form, List<ModelProblem> problems) {
        Map<String, List<String>> byKey = new HashMap<>();
        List<String> order = new ArrayList<>();
        walkComponents(form.path("components"), problems, byKey, order);
        for (String key : order) {
            List<String> ids = byKey.get(key);
            if (ids.size() > 1) {
                for (String id : ids) {
                    problems.add(ModelProblem.error(FORM_SCHEMA, id, "Key " + key + " is used by " + ids.size()
                            + " fields"));
                }
            }
        }
    }

    private static void walkComponents(JsonNode components, List<ModelProblem> problems,
            Map<String, List<String>> byKey, List<String> order) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            String id = c.path("id").asText(null);
            if (INPUT_COMPONENTS.contains(type)) {
                String key = c.path("key").asText("").strip();
                if (key.isEmpty()) {
                    problems.add(ModelProblem.error(FORM_SCHEMA, id, "Field " + (id == null ? "" : id + " ")
                            + "(" + type + ") has no key"));
                } else {
                    if (!byKey.containsKey(key)) {
                        order.add(key);
                    }
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(id == null ? key : id);
                }
            }
            walkComponents(c.path("components"), problems, byKey, order);
        }
    }

    /** The keys of a form's input fields. */
    public static List<String> formFieldKeys(String formJson) {
        try {
            List<String> keys = new ArrayList<>();
            collectKeys(JSON.readTree(formJson).path("components"), keys);
            return keys;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static void collectKeys(JsonNode components, List<String> keys) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode c : components) {
            if (INPUT_COMPONENTS.contains(c.path("type").asText("")) && !c.path("key").asText("").isBlank()) {
                keys.add(c.path("key").asText().strip());
            }
            collectKeys(c.path("components"), keys);
        }
    }

    /** The input expressions of decision {@code decisionId} in a DMN document, or null. */
    public static List<String> decisionInputs(byte[] dmn, String decisionId) {
        try {
            Document doc = Xml.parse(dmn);
            return DmnRules.inputs(doc.getDocumentElement(), decisionId);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
