package io.millflow.workbench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The millflow rules of decision tables: history time to live, one input expression per input and one entry per
 * input in every rule ({@code millflow/dmn-input}), and no two rules that can match the same input under the
 * UNIQUE hit policy ({@code millflow/dmn-unique-overlap}). Overlap is decided for the FEEL unary tests
 * {@code -}/empty, numbers, comparisons, intervals, string and boolean literals and comma lists of them;
 * any other expression (e.g. {@code not(…)}, dates, functions) is undecidable and never reported.
 */
final class DmnRules {

    static final String DMN_INPUT = "millflow/dmn-input";
    static final String UNIQUE_OVERLAP = "millflow/dmn-unique-overlap";

    private DmnRules() {
    }

    static void check(Element definitions, List<ModelProblem> problems) {
        String ns = definitions.getNamespaceURI();
        for (Element decision : Xml.children(definitions, ns, "decision")) {
            if (Xml.blank(Xml.camunda(decision, "historyTimeToLive"))) {
                problems.add(ModelProblem.error(ModelChecks.HISTORY_TIME_TO_LIVE, Xml.attr(decision, "id"),
                        "Decision has no historyTimeToLive"));
            }
            Element table = Xml.child(decision, ns, "decisionTable");
            if (table == null) {
                continue;
            }
            List<Element> inputs = Xml.children(table, ns, "input");
            for (Element input : inputs) {
                Element expression = Xml.child(input, ns, "inputExpression");
                Element text = expression == null ? null : Xml.child(expression, ns, "text");
                if (text == null || Xml.blank(text.getTextContent())) {
                    String label = Xml.attr(input, "label");
                    problems.add(ModelProblem.error(DMN_INPUT, Xml.attr(input, "id"), "Input "
                            + (Xml.blank(label) ? Xml.attr(input, "id") : label) + " has no input expression"));
                }
            }
            List<Element> rules = Xml.children(table, ns, "rule");
            List<List<Entry>> parsed = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                Element rule = rules.get(i);
                List<Element> entries = Xml.children(rule, ns, "inputEntry");
                if (entries.size() != inputs.size()) {
                    problems.add(ModelProblem.error(DMN_INPUT, Xml.attr(rule, "id"), "Rule " + (i + 1) + " has "
                            + entries.size() + " input entries, the table has " + inputs.size() + " inputs"));
                    parsed.add(null);
                    continue;
                }
                List<Entry> row = new ArrayList<>();
                for (Element entry : entries) {
                    Element text = Xml.child(entry, ns, "text");
                    row.add(Entry.parse(text == null ? "" : text.getTextContent()));
                }
                parsed.add(row);
            }
            String hitPolicy = Xml.attr(table, "hitPolicy");
            if (hitPolicy == null || "UNIQUE".equals(hitPolicy.strip())) {
                for (int i = 0; i < rules.size(); i++) {
                    for (int j = i + 1; j < rules.size(); j++) {
                        if (parsed.get(i) != null && parsed.get(j) != null && overlap(parsed.get(i), parsed.get(j))) {
                            String a = Xml.attr(rules.get(i), "id");
                            String b = Xml.attr(rules.get(j), "id");
                            problems.add(ModelProblem.error(UNIQUE_OVERLAP, b, "Rules " + (i + 1) + " (" + a
                                    + ") and " + (j + 1) + " (" + b + ") can match the same input, but the hit "
                                    + "policy is UNIQUE"));
                        }
                    }
                }
            }
        }
    }

    /** The input expressions of the decision {@code decisionId} of a DMN document, or null without it. */
    static List<String> inputs(Element definitions, String decisionId) {
        String ns = definitions.getNamespaceURI();
        for (Element decision : Xml.children(definitions, ns, "decision")) {
            if (!decisionId.equals(Xml.attr(decision, "id"))) {
                continue;
            }
            List<String> out = new ArrayList<>();
            Element table = Xml.child(decision, ns, "decisionTable");
            if (table != null) {
                for (Element input : Xml.children(table, ns, "input")) {
                    Element expression = Xml.child(input, ns, "inputExpression");
                    Element text = expression == null ? null : Xml.child(expression, ns, "text");
                    if (text != null && !Xml.blank(text.getTextContent())) {
                        out.add(text.getTextContent().strip());
                    }
                }
            }
            return out;
        }
        return null;
    }

    enum Answer { YES, NO, UNKNOWN }

    /** Two rules overlap when every input may match the same value; undecidable inputs make the answer "no". */
    static boolean overlap(List<Entry> a, List<Entry> b) {
        boolean unknown = false;
        for (int i = 0; i < a.size(); i++) {
            Answer answer = a.get(i).overlaps(b.get(i));
            if (answer == Answer.NO) {
                return false;
            }
            unknown |= answer == Answer.UNKNOWN;
        }
        return !unknown;
    }

    /** A parsed input entry. */
    record Entry(Kind kind, List<Interval> numbers, Set<String> literals) {

        enum Kind { ANY, NUMBERS, STRINGS, BOOLEANS, UNDECIDABLE }

        private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
        private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>|=)\\s*(.+)");
        private static final Pattern INTERVAL = Pattern.compile("([\\[\\]\\(])\\s*(.+?)\\s*\\.\\.\\s*(.+?)\\s*([\\[\\]\\)])");
        private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

        static final Entry ANY = new Entry(Kind.ANY, List.of(), Set.of());
        static final Entry UNDECIDABLE = new Entry(Kind.UNDECIDABLE, List.of(), Set.of());

        static Entry parse(String text) {
            String t = text == null ? "" : text.strip();
            if (t.isEmpty() || t.equals("-")) {
                return ANY;
            }
            List<String> parts = split(t);
            if (parts == null) {
                return UNDECIDABLE;
            }
            Kind kind = null;
            List<Interval> numbers = new ArrayList<>();
            Set<String> literals = new HashSet<>();
            for (String part : parts) {
                Kind k;
                Matcher m;
                if ((m = STRING.matcher(part)).matches()) {
                    k = Kind.STRINGS;
                    literals.add(m.group(1));
                } else if (part.equals("true") || part.equals("false")) {
                    k = Kind.BOOLEANS;
                    literals.add(part);
                } else {
                    Interval interval = Interval.parse(part);
                    if (interval == null) {
                        return UNDECIDABLE;
                    }
                    k = Kind.NUMBERS;
                    numbers.add(interval);
                }
                if (kind != null && kind != k) {
                    return UNDECIDABLE;
                }
                kind = k;
            }
            return new Entry(kind, List.copyOf(numbers), Set.copyOf(literals));
        }

        /** Splits at top-level commas (outside quotes and parentheses); null when the text is not a plain list. */
        private static List<String> split(String t) {
            List<String> parts = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            int depth = 0;
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (quoted) {
                    current.append(c);
                    if (c == '\\' && i + 1 < t.length()) {
                        current.append(t.charAt(++i));
                    } else if (c == '"') {
                        quoted = false;
                    }
                    continue;
                }
                if (c == '"') {
                    quoted = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                } else if (c == ',' && depth == 0) {
                    parts.add(current.toString().strip());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            if (quoted) {
                return null;
            }
            parts.add(current.toString().strip());
            return parts.stream().anyMatch(String::isEmpty) ? null : parts;
        }

        Answer overlaps(Entry other) {
            if (kind == Kind.UNDECIDABLE || other.kind == Kind.UNDECIDABLE) {
                return Answer.UNKNOWN;
            }
            if (kind == Kind.ANY || other.kind == Kind.ANY) {
                return Answer.YES;
            }
            if (kind != other.kind) {
                return Answer.NO;
            }
            if (kind == Kind.NUMBERS) {
                for (Interval a : numbers) {
                    for (Interval b : other.numbers) {
                        if (a.intersects(b)) {
                            return Answer.YES;
                        }
                    }
                }
                return Answer.NO;
            }
            for (String s : literals) {
                if (other.literals.contains(s)) {
                    return Answer.YES;
                }
            }
            return Answer.NO;
        }
    }

    /** A numeric interval; null bounds are infinite. */
    record Interval(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

        static Interval parse(String part) {
            Matcher m;
            if (Entry.NUMBER.matcher(part).matches()) {
                BigDecimal n = new BigDecimal(part);
                return new Interval(n, true, n, true);
            }
            if ((m = Entry.INTERVAL.matcher(part)).matches()) {
                BigDecimal lo = number(m.group(2));
                BigDecimal hi = number(m.group(3));
                if (lo == null || hi == null) {
                    return null;
                }
                return new Interval(lo, m.group(1).equals("["), hi, m.group(4).equals("]"));
            }
            if ((m = Entry.COMPARISON.matcher(part)).matches()) {
                BigDecimal n = number(m.group(2));
                if (n == null) {
                    return null;
                }
                return switch (m.group(1)) {
                    case "<" -> new Interval(null, false, n, false);
                    case "<=" -> new Interval(null, false, n, true);
                    case ">" -> new Interval(n, false, null, false);
                    case ">=" -> new Interval(n, true, null, false);
                    default -> new Interval(n, true, n, true);
                };
            }
            return null;
        }

        private static BigDecimal number(String s) {
            String t = s.strip();
            return Entry.NUMBER.matcher(t).matches() ? new BigDecimal(t) : null;
        }

        boolean intersects(Interval o) {
            // the larger low bound and the smaller high bound
            BigDecimal lo;
            boolean loIn;
            if (low == null) {
                lo = o.low;
                loIn = o.lowIncluded;
            } else if (o.low == null) {
                lo = low;
                loIn = lowIncluded;
            } else {
                int c = low.compareTo(o.low);
                lo = c >= 0 ? low : o.low;
                loIn = c > 0 ? lowIncluded : c < 0 ? o.lowIncluded : lowIncluded && o.lowIncluded;
            }
            BigDecimal hi;
            boolean hiIn;
            if (high == null) {
                hi = o.high;
                hiIn = o.highIncluded;
            } else if (o.high == null) {
                hi = high;
                hiIn = highIncluded;
            } else {
                int c = high.compareTo(o.high);
                hi = c <= 0 ? high : o.high;
                hiIn = c < 0 ? highIncluded : c > 0 ? o.highIncluded : highIncluded && o.highIncluded;
            }
            if (lo == null || hi == null) {
                return true;
            }
            int c = lo.compareTo(hi);
            return c < 0 || c == 0 && loIn && hiIn;
        }
    }
}
