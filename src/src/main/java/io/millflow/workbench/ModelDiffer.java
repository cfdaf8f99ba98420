package io.millflow.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Compares two versions of a model element by element, matched by id. An element's properties are its attributes,
 * its text, and the attributes and text of the child elements without an id of their own (extension elements such
 * as {@code camunda:inputParameter[approvalRole]}, condition expressions, documentation); diagram elements (DI) are
 * left out. Camunda and Operaton extension namespaces both show as {@code camunda:}.
 */
final class ModelDiffer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelDiffer() {
    }

    record Item(String id, String type, String name, Map<String, String> properties) {
    }

    static ModelDiff diff(ModelKind kind, String key, int from, int to, String before, String after) {
        Map<String, Item> a = items(kind, before);
        Map<String, Item> b = items(kind, after);
        List<ElementChange> added = new ArrayList<>();
        List<ElementChange> removed = new ArrayList<>();
        List<ElementChange> changed = new ArrayList<>();
        for (Item item : b.values()) {
            if (!a.containsKey(item.id())) {
                added.add(new ElementChange(item.id(), item.type(), item.name(), List.of()));
            }
        }
        for (Item item : a.values()) {
            Item other = b.get(item.id());
            if (other == null) {
                removed.add(new ElementChange(item.id(), item.type(), item.name(), List.of()));
                continue;
            }
            Set<String> names = new LinkedHashSet<>(item.properties().keySet());
            names.addAll(other.properties().keySet());
            List<AttributeChange> changes = new ArrayList<>();
            for (String n : names) {
                String x = item.properties().get(n);
                String y = other.properties().get(n);
                if (!Objects.equals(x, y)) {
                    changes.add(new AttributeChange(n, x, y));
                }
            }
            if (!item.type().equals(other.type())) {
                changes.add(0, new AttributeChange("type", item.type(), other.type()));
            }
            if (!changes.isEmpty()) {
                changed.add(new ElementChange(item.id(), other.type(), other.name(), changes));
            }
        }
        return new ModelDiff(kind, key, from, to, added, removed, changed);
    }

    static Map<String, Item> items(ModelKind kind, String content) {
        Map<String, Item> out = new LinkedHashMap<>();
        if (kind == ModelKind.FORM) {
            try {
                JsonNode form = JSON.readTree(content);
                formItems(form.path("components"), out);
            } catch (java.io.IOException e) {
                throw new ModelErrors.InvalidModel("The deployed form is not JSON: " + e.getMessage());
            }
            return out;
        }
        Element root = Xml.parse(content.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        collect(root, out);
        return out;
    }

    private static void collect(Element e, Map<String, Item> out) {
        if (isDiagram(e)) {
            return;
        }
        String id = Xml.attr(e, "id");
        if (id != null && !id.isBlank() && !out.containsKey(id)) {
            Map<String, String> props = new LinkedHashMap<>();
            attributes(e, "", props);
            String text = ownText(e);
            if (!text.isEmpty()) {
                props.put("text", text);
            }
            for (Element c : Xml.children(e)) {
                nested(c, "", props);
            }
            String name = Xml.attr(e, "name") != null ? Xml.attr(e, "name") : Xml.attr(e, "label");
            out.put(id, new Item(id, e.getLocalName(), name, props));
        }
        for (Element c : Xml.children(e)) {
            collect(c, out);
        }
    }

    /** Child elements without an id belong to their parent's properties; those with an id are elements of their own. */
    private static void nested(Element c, String prefix, Map<String, String> props) {
        if (isDiagram(c) || Xml.attr(c, "id") != null || isFlowReference(c)) {
            return;
        }
        String label = qualified(c);
        String n = Xml.attr(c, "name");
        if (n == null) {
            n = Xml.attr(c, "id");
        }
        if (n == null && Xml.attr(c, "target") != null) {
            n = Xml.attr(c, "target");
        }
        if (n != null) {
            label += "[" + n + "]";
        }
        boolean container = "extensionElements".equals(c.getLocalName())
                || Xml.isCamunda(c.getNamespaceURI()) && ("inputOutput".equals(c.getLocalName())
                        || "properties".equals(c.getLocalName()) || "formData".equals(c.getLocalName()));
        String path = container ? prefix : prefix + label;
        if (!container) {
            String text = ownText(c);
            String key = path;
            while (props.containsKey(key) && !text.isEmpty()) {
                key = key + "+";
            }
            if (!text.isEmpty() || c.getAttributes().getLength() == 0) {
                props.put(key, text);
            }
            attributes(c, path + "@", props);
        }
        for (Element g : Xml.children(c)) {
            nested(g, container ? prefix : path + "/", props);
        }
    }

    private static boolean isFlowReference(Element c) {
        return Xml.BPMN.equals(c.getNamespaceURI())
                && ("incoming".equals(c.getLocalName()) || "outgoing".equals(c.getLocalName()));
    }

    private static void attributes(Element e, String prefix, Map<String, String> props) {
        NamedNodeMap attrs = e.getAttributes();
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ns = a.getNamespaceURI();
            if ("http://www.w3.org/2000/xmlns/".equals(ns) || a.getLocalName() == null
                    || prefix.isEmpty() && ns == null && "id".equals(a.getLocalName())) {
                continue;
            }
            String name = Xml.isCamunda(ns) ? "camunda:" + a.getLocalName()
                    : "http://www.w3.org/2001/XMLSchema-instance".equals(ns) ? "xsi:" + a.getLocalName()
                    : a.getLocalName();
            list.add(new String[] {prefix + name, a.getValue()});
        }
        list.sort((x, y) -> x[0].compareTo(y[0]));
        list.forEach(x -> props.put(x[0], x[1]));
    }

    private static String qualified(Element c) {
        return Xml.isCamunda(c.getNamespaceURI()) ? "camunda:" + c.getLocalName() : c.getLocalName();
    }

    private static String ownText(Element e) {
        StringBuilder s = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                s.append(n.getNodeValue());
            }
        }
        return s.toString().strip().replaceAll("\\s+", " ");
    }

    private static boolean isDiagram(Element e) {
        String ns = e.getNamespaceURI();
        return ns != null && (ns.contains("/DI") || ns.contains("/DC") || ns.contains("DMNDI"));
    }

    private static void formItems(JsonNode components, Map<String, Item> out) {
        if (!components.isArray()) {
            return;
        }
        for (JsonNode c : components) {
            String id = c.path("id").asText(c.path("key").asText(""));
            if (!id.isBlank() && !out.containsKey(id)) {
                Map<String, String> props = new LinkedHashMap<>();
                c.fields().forEachRemaining(f -> {
                    if (!f.getKey().equals("id") && !f.getKey().equals("components")) {
                        props.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText()
                                : f.getValue().toString());
                    }
                });
                out.put(id, new Item(id, c.path("type").asText(""), c.path("label").asText(null), props));
            }
            formItems(c.path("components"), out);
        }
    }
}
