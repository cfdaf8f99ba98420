package io.millflow.workbench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** XML reading for models: namespace aware, no DOCTYPE (so no external or expanding entities), no XInclude. */
final class Xml {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    static final String OPERATON_BPMN = "http://operaton.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    static final String OPERATON_DMN = "http://operaton.org/schema/1.0/dmn";

    private Xml() {
    }

    /** Parses; a DOCTYPE or broken XML is an {@link ModelErrors.InvalidModel}. */
    static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not accepted");
            });
            return b.parse(new ByteArrayInputStream(content));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE") || message.contains("external entities")) {
                throw new ModelErrors.InvalidModel("DOCTYPE/external entities are not accepted");
            }
            throw new ModelErrors.InvalidModel("The file is not well-formed XML: " + message);
        } catch (IOException | ParserConfigurationException e) {
            throw new ModelErrors.InvalidModel("The file cannot be read as XML: " + e.getMessage());
        }
    }

    /** Child elements of {@code parent}. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** Child elements of {@code parent} in namespace {@code ns} with local name {@code name}. */
    static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String ns, String name) {
        List<Element> c = children(parent, ns, name);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Every descendant element (document order) in namespace {@code ns} with local name {@code name}. */
    static List<Element> descendants(Element root, String ns, String name) {
        List<Element> out = new ArrayList<>();
        var list = root.getElementsByTagNameNS(ns, name);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** An unqualified attribute, or null when absent. */
    static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** A Camunda 7 extension attribute of a BPMN element; Operaton's namespace is accepted too. */
    static String camunda(Element e, String name) {
        for (String ns : new String[] {CAMUNDA_BPMN, OPERATON_BPMN, CAMUNDA_DMN, OPERATON_DMN}) {
            if (e.hasAttributeNS(ns, name)) {
                return e.getAttributeNS(ns, name);
            }
        }
        return null;
    }

    static boolean isCamunda(String ns) {
        return CAMUNDA_BPMN.equals(ns) || OPERATON_BPMN.equals(ns) || CAMUNDA_DMN.equals(ns) || OPERATON_DMN.equals(ns);
    }

    static boolean isDmn(String ns) {
        return ns != null && ns.contains("/DMN/") && (ns.contains("MODEL") || ns.contains("dmn.xsd"));
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
