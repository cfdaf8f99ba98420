package io.millflow.workbench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Java port of the {@code recommended} configuration of bpmnlint 11.15.0: the same rule ids, severities and
 * messages, the same quirks. Like bpmn-moddle, a flow node's incoming and outgoing flows are its
 * {@code <bpmn:incoming>}/{@code <bpmn:outgoing>} references, not derived from the flows' source and target.
 */
final class BpmnLint {

    /** Rule id → severity of bpmnlint's {@code config/recommended.js}. */
    static final Map<String, ModelProblem.Severity> RECOMMENDED = new LinkedHashMap<>();

    static {
        String[][] rules = {
            {"ad-hoc-sub-process", "error"}, {"conditional-flows", "error"}, {"end-event-required", "error"},
            {"event-based-gateway", "error"}, {"event-sub-process-typed-start-event", "error"},
            {"fake-join", "warn"}, {"global", "warn"}, {"label-required", "error"}, {"link-event", "error"},
            {"no-bpmndi", "error"}, {"no-complex-gateway", "error"}, {"no-disconnected", "error"},
            {"no-duplicate-sequence-flows", "error"}, {"no-gateway-join-fork", "error"},
            {"no-implicit-split", "error"}, {"no-implicit-end", "error"}, {"no-implicit-start", "error"},
            {"no-inclusive-gateway", "warn"}, {"no-overlapping-elements", "warn"},
            {"single-blank-start-event", "error"}, {"single-event-definition", "error"},
            {"start-event-required", "error"}, {"sub-process-blank-start-event", "error"},
            {"superfluous-gateway", "warn"}, {"superfluous-label", "warn"}, {"superfluous-termination", "warn"},
        };
        for (String[] r : rules) {
            RECOMMENDED.put(r[0], "error".equals(r[1]) ? ModelProblem.Severity.ERROR : ModelProblem.Severity.WARNING);
        }
    }

    // bpmn-moddle type hierarchy, by local name
    private static final Set<String> TASK = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
            "scriptTask", "manualTask", "businessRuleTask");
    private static final Set<String> SUB_PROCESS = Set.of("subProcess", "adHocSubProcess", "transaction");
    private static final Set<String> ACTIVITY = union(TASK, SUB_PROCESS, Set.of("callActivity"));
    private static final Set<String> THROW_EVENT = Set.of("endEvent", "intermediateThrowEvent", "implicitThrowEvent");
    private static final Set<String> CATCH_EVENT = Set.of("startEvent", "intermediateCatchEvent", "boundaryEvent");
    private static final Set<String> EVENT = union(THROW_EVENT, CATCH_EVENT);
    private static final Set<String> GATEWAY = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "complexGateway", "eventBasedGateway");
    private static final Set<String> FLOW_NODE = union(EVENT, ACTIVITY, GATEWAY);
    private static final Set<String> FLOW_ELEMENT = union(FLOW_NODE, Set.of("sequenceFlow", "dataObject",
            "dataObjectReference", "dataStoreReference"));
    private static final Set<String> CONTAINER = union(Set.of("process"), SUB_PROCESS);
    private static final Set<String> ARTIFACT = Set.of("textAnnotation", "association", "group");

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    /** A BPMN element with what the rules read of it. */
    static final class Node {
        final Element dom;
        final String type;
        final String id;
        final Node parent;
        final List<Node> children = new ArrayList<>();
        final List<Node> incoming = new ArrayList<>();
        final List<Node> outgoing = new ArrayList<>();
        Node sourceRef;
        Node targetRef;

        Node(Element dom, Node parent) {
            this.dom = dom;
            this.type = dom.getLocalName();
            this.id = Xml.attr(dom, "id");
            this.parent = parent;
        }

        boolean is(Set<String> types) {
            return types.contains(type);
        }

        boolean is(String t) {
            return type.equals(t);
        }

        String attr(String name) {
            return Xml.attr(dom, name);
        }

        boolean flag(String name, boolean dflt) {
            String v = attr(name);
            return v == null ? dflt : "true".equals(v.strip());
        }

        String name() {
            return attr("name");
        }

        List<Node> flowElements() {
            return children.stream().filter(c -> c.is(FLOW_ELEMENT)).toList();
        }

        List<Node> eventDefinitions() {
            return children.stream().filter(c -> c.type.endsWith("EventDefinition")).toList();
        }

        Node conditionExpression() {
            return children.stream().filter(c -> c.is("conditionExpression")).findFirst().orElse(null);
        }

        boolean hasCondition() {
            return conditionExpression() != null;
        }

        boolean isDefaultOf(Node source) {
            return source != null && id != null && id.equals(source.attr("default"));
        }
    }

    private final Node root;
    private final Map<String, Node> byId = new HashMap<>();
    private final List<Node> all = new ArrayList<>();
    private final Element definitions;
    private final List<ModelProblem> problems = new ArrayList<>();

    private BpmnLint(Document doc) {
        definitions = doc.getDocumentElement();
        root = build(definitions, null);
        for (Node n : all) {
            if (n.is("sequenceFlow")) {
                n.sourceRef = byId.get(n.attr("sourceRef"));
                n.targetRef = byId.get(n.attr("targetRef"));
            }
            if (n.is(FLOW_NODE)) {
                for (Node c : n.children) {
                    if (c.is("incoming") || c.is("outgoing")) {
                        Node flow = byId.get(c.dom.getTextContent().strip());
                        if (flow != null && flow.is("sequenceFlow")) {
                            (c.is("incoming") ? n.incoming : n.outgoing).add(flow);
                        }
                    }
                }
            }
        }
    }

    private Node build(Element e, Node parent) {
        Node n = new Node(e, parent);
        all.add(n);
        if (n.id != null && !byId.containsKey(n.id)) {
            byId.put(n.id, n);
        }
        for (Element c : Xml.children(e)) {
            if (Xml.BPMN.equals(c.getNamespaceURI())) {
                n.children.add(build(c, n));
            }
        }
        return n;
    }

    /** Every problem of the recommended rules, rule by rule, each rule in document order. */
    static List<ModelProblem> lint(Document doc) {
        BpmnLint lint = new BpmnLint(doc);
        lint.run();
        return lint.problems;
    }

    private void report(String rule, String id, String message) {
        problems.add(new ModelProblem(rule, id, RECOMMENDED.get(rule), message));
    }

    private void run() {
        each("ad-hoc-sub-process", this::adHocSubProcess);
        each("conditional-flows", this::conditionalFlows);
        each("end-event-required", n -> scopeHas(n, "endEvent", "end-event-required", "missing end event"));
        each("event-based-gateway", this::eventBasedGateway);
        each("event-sub-process-typed-start-event", this::eventSubProcessTypedStart);
        each("fake-join", n -> {
            if ((n.is(ACTIVITY) || n.is(EVENT)) && n.incoming.size() > 1) {
                report("fake-join", n.id, "Incoming flows do not join");
            }
        });
        global();
        each("label-required", this::labelRequired);
        each("link-event", this::linkEvent);
        noBpmndi();
        each("no-complex-gateway", n -> discouraged(n, "complexGateway", "no-complex-gateway",
                "bpmn:ComplexGateway"));
        each("no-disconnected", this::noDisconnected);
        noDuplicateSequenceFlows();
        each("no-gateway-join-fork", n -> {
            if (n.is(GATEWAY) && n.incoming.size() > 1 && n.outgoing.size() > 1) {
                report("no-gateway-join-fork", n.id, "Gateway forks and joins");
            }
        });
        each("no-implicit-split", this::noImplicitSplit);
        each("no-implicit-end", this::noImplicitEnd);
        each("no-implicit-start", this::noImplicitStart);
        each("no-inclusive-gateway", n -> discouraged(n, "inclusiveGateway", "no-inclusive-gateway",
                "bpmn:InclusiveGateway"));
        noOverlappingElements();
        each("single-blank-start-event", this::singleBlankStartEvent);
        each("single-event-definition", n -> {
            if (n.is(EVENT) && n.eventDefinitions().size() > 1) {
                report("single-event-definition", n.id, "Event has multiple event definitions");
            }
        });
        each("start-event-required", n -> scopeHas(n, "startEvent", "start-event-required", "missing start event"));
        each("sub-process-blank-start-event", this::subProcessBlankStartEvent);
        each("superfluous-gateway", n -> {
            if (n.is(GATEWAY) && n.incoming.size() == 1 && n.outgoing.size() == 1) {
                report("superfluous-gateway", n.id, "Gateway is superfluous. It only has one source and target.");
            }
        });
        each("superfluous-label", this::superfluousLabel);
        each("superfluous-termination", this::superfluousTermination);
    }

    private void each(String rule, java.util.function.Consumer<Node> check) {
        for (Node n : all) {
            check.accept(n);
        }
    }

    private void discouraged(Node n, String type, String rule, String qname) {
        if (n.is(type)) {
            report(rule, n.id, "Element type <" + qname + "> is discouraged");
        }
    }

    private void adHocSubProcess(Node n) {
        if (!n.is("adHocSubProcess")) {
            return;
        }
        for (Node f : n.flowElements()) {
            if (f.is("startEvent")) {
                report("ad-hoc-sub-process", f.id, "A <Start Event> is not allowed in <Ad Hoc Sub Process>");
            }
            if (f.is("endEvent")) {
                report("ad-hoc-sub-process", f.id, "An <End Event> is not allowed in <Ad Hoc Sub Process>");
            }
        }
    }

    private void conditionalFlows(Node n) {
        boolean conditionalForking = n.attr("default") != null && byId.containsKey(n.attr("default"))
                || n.outgoing.stream().anyMatch(Node::hasCondition);
        if (!conditionalForking) {
            return;
        }
        for (Node flow : n.outgoing) {
            if (!flow.hasCondition() && !flow.isDefaultOf(n)) {
                report("conditional-flows", flow.id, "Sequence flow is missing condition");
            }
        }
    }

    private void scopeHas(Node n, String eventType, String rule, String what) {
        if (!(n.is("process") || n.is(SUB_PROCESS)) || n.is("adHocSubProcess")) {
            return;
        }
        if (n.flowElements().stream().noneMatch(f -> f.is(eventType))) {
            report(rule, n.id, (n.is(SUB_PROCESS) ? "Sub process" : "Process") + " is " + what);
        }
    }

    private void eventBasedGateway(Node n) {
        if (!n.is("eventBasedGateway")) {
            return;
        }
        if (n.outgoing.size() < 2) {
            report("event-based-gateway", n.id,
                    "An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>");
        }
        for (Node flow : n.outgoing) {
            if (flow.hasCondition()) {
                report("event-based-gateway", flow.id,
                        "A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional");
            }
        }
    }

    private void eventSubProcessTypedStart(Node n) {
        if (!n.is(SUB_PROCESS) || !n.flag("triggeredByEvent", false)) {
            return;
        }
        for (Node f : n.flowElements()) {
            if (f.is("startEvent") && f.eventDefinitions().isEmpty()) {
                report("event-sub-process-typed-start-event", f.id, "Start event is missing event definition");
            }
        }
    }

    private void labelRequired(Node n) {
        if (n.is("parallelGateway") || n.is("eventBasedGateway")) {
            return;
        }
        if (n.is(GATEWAY) && n.outgoing.size() <= 1) {
            return;
        }
        if (n.is(SUB_PROCESS)) {
            return;
        }
        if (n.is("sequenceFlow") && !n.hasCondition()) {
            return;
        }
        if (n.is(FLOW_NODE) || n.is("sequenceFlow") || n.is("participant") || n.is("lane")) {
            String name = n.name() == null ? "" : n.name().strip();
            if (name.isEmpty()) {
                report("label-required", n.id, "Element is missing label/name");
            }
        }
    }

    private void global() {
        List<Node> rootElements = root.children.stream()
                .filter(c -> c.is("error") || c.is("escalation") || c.is("message") || c.is("signal")).toList();
        List<Node> referencing = new ArrayList<>();
        collectReferencing(root, referencing);
        for (Node r : rootElements) {
            // bpmnlint: `event.name?.trim() !== ''`, so an absent name passes and only a blank one fails
            if (r.name() != null && r.name().strip().isEmpty()) {
                report("global", r.id, "Element is missing name");
            }
            if (!isReferenced(r, referencing)) {
                report("global", r.id, "Element is unused");
            }
            long same = rootElements.stream().filter(o -> o.type.equals(r.type) && Objects.equals(o.name(), r.name()))
                    .count();
            if (same != 1) {
                report("global", r.id, "Element name is not unique");
            }
        }
    }

    private void collectReferencing(Node element, List<Node> out) {
        if (element.is("definitions")) {
            element.children.forEach(c -> collectReferencing(c, out));
            return;
        }
        if (element.is(CONTAINER)) {
            element.flowElements().forEach(c -> collectReferencing(c, out));
        }
        if (element.is(EVENT)) {
            out.addAll(element.eventDefinitions());
        }
        if (element.is("collaboration")) {
            element.children.stream().filter(c -> c.is("messageFlow")).forEach(c -> collectReferencing(c, out));
        }
        if (element.is("messageFlow") || element.is("receiveTask") || element.is("sendTask")) {
            out.add(element);
        }
    }

    private boolean isReferenced(Node r, List<Node> referencing) {
        String refAttr;
        Set<String> types;
        switch (r.type) {
            case "error" -> { refAttr = "errorRef"; types = Set.of("errorEventDefinition"); }
            case "escalation" -> { refAttr = "escalationRef"; types = Set.of("escalationEventDefinition"); }
            case "message" -> {
                refAttr = "messageRef";
                types = Set.of("messageEventDefinition", "messageFlow", "receiveTask", "sendTask");
            }
            default -> { refAttr = "signalRef"; types = Set.of("signalEventDefinition"); }
        }
        return referencing.stream().anyMatch(x -> types.contains(x.type) && r.id != null
                && r.id.equals(x.attr(refAttr)));
    }

    private void linkEvent(Node n) {
        if (!n.is(CONTAINER)) {
            return;
        }
        List<Node> links = n.flowElements().stream().filter(f -> f.is(EVENT)
                && f.eventDefinitions().stream().anyMatch(d -> d.is("linkEventDefinition"))).toList();
        for (Node link : links) {
            if (linkName(link) == null || linkName(link).isEmpty()) {
                report("link-event", link.id, "Link event is missing link name");
            }
        }
        // min-dash groupBy puts a falsy name under '_'
        Map<String, List<Node>> names = new LinkedHashMap<>();
        for (Node link : links) {
            String name = linkName(link);
            names.computeIfAbsent(name == null || name.isEmpty() ? "_" : name, k -> new ArrayList<>()).add(link);
        }
        for (Map.Entry<String, List<Node>> e : names.entrySet()) {
            String name = e.getKey();
            List<Node> events = e.getValue();
            if (events.size() == 1) {
                Node event = events.get(0);
                report("link-event", event.id, "Link " + (event.is(THROW_EVENT) ? "catch" : "throw")
                        + " event with link name <" + name + "> missing in scope");
                continue;
            }
            List<Node> catches = events.stream().filter(x -> x.is(CATCH_EVENT)).toList();
            if (catches.size() > 1) {
                for (Node c : catches) {
                    report("link-event", c.id, "Duplicate link catch event with link name <" + name + "> in scope");
                }
            } else if (catches.isEmpty()) {
                for (Node x : events) {
                    report("link-event", x.id, "Link catch event with link name <" + name + "> missing in scope");
                }
            }
        }
    }

    private static String linkName(Node link) {
        return link.eventDefinitions().stream().filter(d -> d.is("linkEventDefinition")).findFirst()
                .map(d -> d.attr("name")).orElse(null);
    }

    // no-bpmndi ////////////////////////////////////////////////////////////////

    private void noBpmndi() {
        List<Node> elements = new ArrayList<>();
        collectVisual(root.children, elements);
        Set<String> referenced = new HashSet<>();
        for (Element diagram : Xml.children(definitions, Xml.BPMNDI, "BPMNDiagram")) {
            Element plane = Xml.child(diagram, Xml.BPMNDI, "BPMNPlane");
            if (plane == null) {
                continue;
            }
            for (Element pe : Xml.children(plane)) {
                String ref = Xml.attr(pe, "bpmnElement");
                if (ref != null && byId.containsKey(ref)) {
                    referenced.add(ref);
                }
            }
        }
        for (Node e : elements) {
            if (!e.is("dataObject") && !referenced.contains(e.id)) {
                report("no-bpmndi", e.id, "Element is missing bpmndi");
            }
        }
    }

    private void collectVisual(List<Node> rootElements, List<Node> out) {
        for (Node r : rootElements) {
            List<Node> flowElements = r.children.stream().filter(c -> c.is(FLOW_ELEMENT)).toList();
            out.addAll(flowElements);
            collectVisual(flowElements.stream().filter(f -> f.children.stream().anyMatch(c -> c.is(FLOW_ELEMENT)))
                    .toList(), out);
            r.children.stream().filter(c -> c.is("participant")).forEach(out::add);
            r.children.stream().filter(c -> c.is(ARTIFACT)).forEach(out::add);
            Node laneSet = r.children.stream().filter(c -> c.is("laneSet") || c.is("childLaneSet")).findFirst()
                    .orElse(null);
            if (laneSet != null) {
                List<Node> lanes = laneSet.children.stream().filter(c -> c.is("lane")).toList();
                out.addAll(lanes);
                collectVisual(lanes.stream().filter(l -> l.children.stream().anyMatch(c -> c.is("childLaneSet")))
                        .toList(), out);
            }
            r.children.stream().filter(c -> c.is("messageFlow")).forEach(out::add);
        }
    }

    // no-disconnected, implicit start/end/split ///////////////////////////////

    private static boolean isCompensationBoundary(Node n) {
        List<Node> defs = n.eventDefinitions();
        return n.is("boundaryEvent") && defs.size() == 1 && defs.get(0).is("compensateEventDefinition");
    }

    private void noDisconnected(Node n) {
        if (!(n.is(TASK) || n.is(GATEWAY) || n.is(SUB_PROCESS) || n.is(EVENT)) || n.flag("triggeredByEvent", false)) {
            return;
        }
        if (isCompensationBoundary(n) || n.flag("isForCompensation", false)) {
            return;
        }
        if (n.parent != null && n.parent.is("adHocSubProcess")) {
            return;
        }
        if (n.incoming.isEmpty() && n.outgoing.isEmpty()) {
            report("no-disconnected", n.id, "Element is not connected");
        }
    }

    private static boolean allDefinitions(Node n, String type) {
        List<Node> defs = n.eventDefinitions();
        return !defs.isEmpty() && defs.stream().allMatch(d -> d.is(type));
    }

    private void noImplicitSplit(Node n) {
        if (!(n.is(ACTIVITY) || n.is(EVENT))) {
            return;
        }
        long unconditioned = n.outgoing.stream().filter(f -> !f.hasCondition() && !f.isDefaultOf(n)).count();
        if (unconditioned > 1) {
            report("no-implicit-split", n.id, "Flow splits implicitly");
        }
    }

    private void noImplicitEnd(Node n) {
        if (!(n.is(EVENT) || n.is(ACTIVITY) || n.is(GATEWAY))) {
            return;
        }
        if (n.is(SUB_PROCESS) && n.flag("triggeredByEvent", false)) {
            return;
        }
        if (n.is("intermediateThrowEvent") && allDefinitions(n, "linkEventDefinition")) {
            return;
        }
        if (n.parent != null && n.parent.is("adHocSubProcess")) {
            return;
        }
        if (n.is("endEvent")) {
            return;
        }
        if (n.is("boundaryEvent") && allDefinitions(n, "compensateEventDefinition") && hasCompensationActivity(n)) {
            return;
        }
        if (n.is(ACTIVITY) && n.flag("isForCompensation", false)) {
            return;
        }
        if (n.outgoing.isEmpty()) {
            report("no-implicit-end", n.id, "Element is an implicit end");
        }
    }

    private boolean hasCompensationActivity(Node n) {
        Node process = n.parent;
        while (process != null && !process.is("process")) {
            process = process.parent;
        }
        if (process == null) {
            process = root;
        }
        return process.children.stream().anyMatch(a -> a.is("association") && n.id != null
                && n.id.equals(a.attr("sourceRef")));
    }

    private void noImplicitStart(Node n) {
        if (!(n.is(EVENT) || n.is(ACTIVITY) || n.is(GATEWAY))) {
            return;
        }
        if (n.is(ACTIVITY) && n.flag("isForCompensation", false)) {
            return;
        }
        if (n.parent != null && n.parent.is("adHocSubProcess")) {
            return;
        }
        if (n.is(SUB_PROCESS) && n.flag("triggeredByEvent", false)) {
            return;
        }
        if (n.is("intermediateCatchEvent") && allDefinitions(n, "linkEventDefinition")) {
            return;
        }
        if (n.is("startEvent") || n.is("boundaryEvent")) {
            return;
        }
        if (n.incoming.isEmpty()) {
            report("no-implicit-start", n.id, "Element is an implicit start");
        }
    }

    private void noDuplicateSequenceFlows() {
        Set<String> keyed = new HashSet<>();
        Set<String> outgoingReported = new HashSet<>();
        Set<String> incomingReported = new HashSet<>();
        for (Node n : all) {
            if (!n.is("sequenceFlow")) {
                continue;
            }
            Node condition = n.conditionExpression();
            String key = (n.sourceRef != null ? n.sourceRef.id : n.id) + "#"
                    + (n.targetRef != null ? n.targetRef.id : n.id) + "#"
                    + (condition == null ? "" : condition.dom.getTextContent());
            if (!keyed.add(key)) {
                report("no-duplicate-sequence-flows", n.id, "SequenceFlow is a duplicate");
                if (n.sourceRef != null && outgoingReported.add(n.sourceRef.id)) {
                    report("no-duplicate-sequence-flows", n.sourceRef.id, "Duplicate outgoing sequence flows");
                }
                if (n.targetRef != null && incomingReported.add(n.targetRef.id)) {
                    report("no-duplicate-sequence-flows", n.targetRef.id, "Duplicate incoming sequence flows");
                }
            }
        }
    }

    // no-overlapping-elements ////////////////////////////////////////////////

    private record Bounds(double x, double y, double width, double height) {
    }

    private record Di(Bounds bounds, boolean expanded) {
    }

    private record Shape(Node element, double left, double right, double top, double bottom) {
    }

    private void noOverlappingElements() {
        Map<Node, Di> di = new IdentityHashMap<>();
        for (Element diagram : Xml.children(definitions, Xml.BPMNDI, "BPMNDiagram")) {
            Element plane = Xml.child(diagram, Xml.BPMNDI, "BPMNPlane");
            if (plane == null) {
                continue;
            }
            for (Element pe : Xml.children(plane)) {
                Node element = byId.get(Xml.attr(pe, "bpmnElement"));
                if (element == null) {
                    continue;
                }
                Element b = Xml.child(pe, Xml.DC, "Bounds");
                di.put(element, new Di(bounds(b), "true".equals(Xml.attr(pe, "isExpanded"))));
            }
        }
        Set<Node> overlapping = new LinkedHashSet<>();
        Set<Node> outside = new LinkedHashSet<>();
        Map<String, Di> parentOfProcess = new HashMap<>();
        for (Node collaboration : root.children.stream().filter(c -> c.is("collaboration")).toList()) {
            List<Node> participants = collaboration.children.stream().filter(c -> c.is("participant")).toList();
            checkOverlap(participants, overlapping, di);
            for (Node p : participants) {
                parentOfProcess.put(p.attr("processRef"), di.get(p));
            }
        }
        for (Node process : root.children.stream().filter(c -> c.is("process")).toList()) {
            Di parent = parentOfProcess.get(process.id);
            checkProcess(process, overlapping, outside, di, parent == null ? null : parent.bounds());
        }
        overlapping.forEach(e -> report("no-overlapping-elements", e.id, "Element overlaps with other element"));
        outside.forEach(e -> report("no-overlapping-elements", e.id, "Element is outside of parent boundary"));
    }

    private static Bounds bounds(Element b) {
        if (b == null) {
            return null;
        }
        try {
            return new Bounds(number(b, "x"), number(b, "y"), number(b, "width"), number(b, "height"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(Element b, String name) {
        String v = Xml.attr(b, name);
        return v == null ? 0 : Double.parseDouble(v.strip());
    }

    private void checkProcess(Node container, Set<Node> overlapping, Set<Node> outside, Map<Node, Di> di,
            Bounds parentBounds) {
        List<Node> withDi = container.flowElements().stream().filter(di::containsKey).toList();
        checkOverlap(withDi, overlapping, di);
        for (Node e : withDi) {
            if (!e.is("dataStoreReference") && isOutside(di.get(e).bounds(), parentBounds)) {
                outside.add(e);
            }
        }
        for (Node sub : container.flowElements().stream().filter(f -> f.is(SUB_PROCESS)).toList()) {
            Di subDi = di.get(sub);
            checkProcess(sub, overlapping, outside, di, subDi != null && subDi.expanded() ? subDi.bounds() : null);
        }
    }

    private static void checkOverlap(List<Node> elements, Set<Node> report, Map<Node, Di> di) {
        List<Shape> shapes = new ArrayList<>();
        for (Node e : elements) {
            Di d = di.get(e);
            if (d == null || d.bounds() == null) {
                continue;
            }
            Bounds b = d.bounds();
            shapes.add(new Shape(e, b.x(), b.x() + b.width(), b.y(), b.y() + b.height()));
        }
        shapes.sort((a, b) -> Double.compare(a.left(), b.left()));
        Set<Node> overlapping = new HashSet<>();
        for (int i = 0; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            for (int j = i + 1; j < shapes.size() && shapes.get(j).left() <= s.right(); j++) {
                Shape o = shapes.get(j);
                boolean collision = s.right() >= o.left() && o.right() >= s.left()
                        && s.bottom() >= o.top() && o.bottom() >= s.top();
                if (!collision) {
                    continue;
                }
                if (attachedTo(s.element(), o.element()) || attachedTo(o.element(), s.element())) {
                    continue;
                }
                overlapping.add(s.element());
                overlapping.add(o.element());
            }
        }
        for (Node e : elements) {
            if (overlapping.contains(e)) {
                report.add(e);
            }
        }
    }

    private static boolean attachedTo(Node boundary, Node host) {
        return host.id != null && host.id.equals(boundary.attr("attachedToRef"));
    }

    private static boolean isOutside(Bounds child, Bounds parent) {
        if (child == null || parent == null) {
            return false;
        }
        boolean topLeftInside = child.x() >= parent.x() && child.y() >= parent.y();
        boolean bottomRightInside = child.x() + child.width() <= parent.x() + parent.width()
                && child.y() + child.height() <= parent.y() + parent.height();
        return !(topLeftInside && bottomRightInside);
    }

    // the rest ///////////////////////////////////////////////////////////////

    private void singleBlankStartEvent(Node n) {
        if (!n.is(CONTAINER)) {
            return;
        }
        long blank = n.flowElements().stream().filter(f -> f.is("startEvent") && f.eventDefinitions().isEmpty())
                .count();
        if (blank > 1) {
            report("single-blank-start-event", n.id,
                    (n.is(SUB_PROCESS) ? "Sub process" : "Process") + " has multiple blank start events");
        }
    }

    private void subProcessBlankStartEvent(Node n) {
        if (!n.is(SUB_PROCESS) || n.flag("triggeredByEvent", false)) {
            return;
        }
        for (Node f : n.flowElements()) {
            if (f.is("startEvent") && !f.eventDefinitions().isEmpty()) {
                report("sub-process-blank-start-event", f.id, "Start event must be blank");
            }
        }
    }

    private void superfluousLabel(Node n) {
        if (!n.is("sequenceFlow")) {
            return;
        }
        String name = n.name() == null ? "" : n.name().strip();
        if (name.isEmpty()) {
            return;
        }
        Node source = n.sourceRef;
        boolean gatewayFork = source != null && (source.is("exclusiveGateway") || source.is("inclusiveGateway"))
                && source.outgoing.size() > 1;
        if (n.hasCondition() || n.isDefaultOf(source) || gatewayFork) {
            return;
        }
        report("superfluous-label", n.id, "Sequence flow has superfluous label");
    }

    private void superfluousTermination(Node n) {
        if (!(n.is("process") || n.is(SUB_PROCESS))) {
            return;
        }
        List<Node> ends = n.flowElements().stream().filter(f -> f.is(FLOW_NODE) && f.outgoing.isEmpty()).toList();
        List<Node> terminateEnds = ends.stream().filter(BpmnLint::isTerminateEnd).toList();
        if (terminateEnds.size() != 1) {
            return;
        }
        if (ends.stream().allMatch(e -> isInterruptingEventSub(e) || isTerminateEnd(e))) {
            for (Node t : terminateEnds) {
                report("superfluous-termination", t.id, "Termination is superfluous.");
            }
        }
    }

    private static boolean isTerminateEnd(Node e) {
        return e.is("endEvent") && e.eventDefinitions().stream().anyMatch(d -> d.is("terminateEventDefinition"));
    }

    private static boolean isInterruptingEventSub(Node e) {
        return e.is(SUB_PROCESS) && e.flag("triggeredByEvent", false)
                && e.flowElements().stream().anyMatch(s -> s.is("startEvent") && s.flag("isInterrupting", true));
    }
}
