package io.millflow.pms;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Scheduling arithmetic on a task network, free of the database: the critical path method (early and late dates,
 * slack), pushing successors after a task moved, and finding the path that a new dependency would close into a cycle.
 *
 * <p>Dates are calendar days, inclusive: a task of duration d runs from start to start + d - 1; a milestone has
 * duration 0 and starts and ends on the same day. Constraints: FS — the successor starts at least
 * {@code lag} days after the day following the predecessor's end (after a milestone predecessor: at least
 * {@code lag} days after its day); SS — the successor starts at least {@code lag} days after the predecessor starts.
 * A task's planned start is a "start no earlier than": the forward pass never moves a task before it.
 */
public final class CriticalPath {

    /** A task as the scheduler sees it. */
    public record Node(UUID id, LocalDate start, LocalDate end, boolean milestone) {
        public int duration() {
            return milestone ? 0 : (int) (end.toEpochDay() - start.toEpochDay()) + 1;
        }

        Node startingOn(LocalDate newStart) {
            long shift = newStart.toEpochDay() - start.toEpochDay();
            return new Node(id, newStart, end.plusDays(shift), milestone);
        }
    }

    /** A dependency: successor waits for predecessor. */
    public record Edge(UUID predecessor, UUID successor, DependencyKind kind, int lag) {
    }

    private CriticalPath() {
    }

    /** Earliest start the edge allows its successor, given the predecessor's start and end. */
    static long earliestStart(Edge e, long predStart, long predEnd, boolean predMilestone) {
        if (e.kind() == DependencyKind.SS || predMilestone) {
            return predStart + e.lag();
        }
        return predEnd + 1 + e.lag();
    }

    /** Forward and backward pass. Tasks in a cycle (which the services never let in) are refused. */
    public static ScheduleView schedule(UUID projectId, List<Node> nodes, List<Edge> edges) {
        if (nodes.isEmpty()) {
            return new ScheduleView(projectId, null, null, List.of(), List.of());
        }
        Map<UUID, Node> byId = index(nodes);
        List<Edge> valid = edges.stream()
                .filter(e -> byId.containsKey(e.predecessor()) && byId.containsKey(e.successor())).toList();
        List<UUID> order = topologicalOrder(nodes, valid);
        Map<UUID, List<Edge>> in = new HashMap<>();
        Map<UUID, List<Edge>> out = new HashMap<>();
        for (Edge e : valid) {
            in.computeIfAbsent(e.successor(), k -> new ArrayList<>()).add(e);
            out.computeIfAbsent(e.predecessor(), k -> new ArrayList<>()).add(e);
        }
        Map<UUID, Long> es = new HashMap<>();
        Map<UUID, Long> ef = new HashMap<>();
        long finish = Long.MIN_VALUE;
        long begin = Long.MAX_VALUE;
        for (UUID id : order) {
            Node n = byId.get(id);
            long start = n.start().toEpochDay();
            for (Edge e : in.getOrDefault(id, List.of())) {
                Node p = byId.get(e.predecessor());
                start = Math.max(start, earliestStart(e, es.get(p.id()), ef.get(p.id()), p.milestone()));
            }
            long end = n.milestone() ? start : start + n.duration() - 1;
            es.put(id, start);
            ef.put(id, end);
            finish = Math.max(finish, end);
            begin = Math.min(begin, start);
        }
        Map<UUID, Long> ls = new HashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            UUID id = order.get(i);
            Node n = byId.get(id);
            int d = n.duration();
            long late = n.milestone() ? finish : finish - d + 1;
            for (Edge e : out.getOrDefault(id, List.of())) {
                long succLs = ls.get(e.successor());
                long bound;
                if (e.kind() == DependencyKind.SS || n.milestone()) {
                    bound = succLs - e.lag();
                } else {
                    bound = succLs - e.lag() - d;
                }
                late = Math.min(late, bound);
            }
            ls.put(id, late);
        }
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        List<ScheduledTask> tasks = new ArrayList<>();
        for (Node n : nodes) {
            long s = es.get(n.id());
            long lateStart = ls.get(n.id());
            long lateFinish = n.milestone() ? lateStart : lateStart + n.duration() - 1;
            int slack = (int) (lateStart - s);
            tasks.add(new ScheduledTask(n.id(), LocalDate.ofEpochDay(s), LocalDate.ofEpochDay(ef.get(n.id())),
                    LocalDate.ofEpochDay(lateStart), LocalDate.ofEpochDay(lateFinish), slack, slack <= 0));
        }
        List<UUID> critical = tasks.stream().filter(ScheduledTask::critical)
                .sorted(Comparator.comparing(ScheduledTask::earlyStart)
                        .thenComparing(t -> position.get(t.taskId())))
                .map(ScheduledTask::taskId).toList();
        return new ScheduleView(projectId, LocalDate.ofEpochDay(begin), LocalDate.ofEpochDay(finish), tasks,
                critical);
    }

    /**
     * After {@code sourceId} got new dates (already in {@code nodes}), moves every task downstream of it forward just
     * enough to satisfy its constraints, keeping durations. Never moves a task back, never moves the source.
     *
     * @return the tasks whose dates changed (not the source), in topological order
     */
    public static List<Node> push(List<Node> nodes, List<Edge> edges, UUID sourceId) {
        Set<UUID> downstream = reachable(sourceId, edges);
        downstream.remove(sourceId);
        return push(nodes, edges, downstream);
    }

    /** Moves every task that violates a constraint forward just enough (e.g. after creating tasks from a template). */
    public static List<Node> pushAll(List<Node> nodes, List<Edge> edges) {
        Set<UUID> all = new HashSet<>();
        nodes.forEach(n -> all.add(n.id()));
        return push(nodes, edges, all);
    }

    private static List<Node> push(List<Node> nodes, List<Edge> edges, Set<UUID> downstream) {
        Map<UUID, Node> byId = index(nodes);
        if (downstream.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Edge>> in = new HashMap<>();
        for (Edge e : edges) {
            in.computeIfAbsent(e.successor(), k -> new ArrayList<>()).add(e);
        }
        Map<UUID, Node> changed = new LinkedHashMap<>();
        for (UUID id : topologicalOrder(nodes, edges)) {
            if (!downstream.contains(id)) {
                continue;
            }
            Node n = byId.get(id);
            long required = Long.MIN_VALUE;
            for (Edge e : in.getOrDefault(id, List.of())) {
                Node p = byId.get(e.predecessor());
                if (p == null) {
                    continue;
                }
                required = Math.max(required,
                        earliestStart(e, p.start().toEpochDay(), p.end().toEpochDay(), p.milestone()));
            }
            if (required > n.start().toEpochDay()) {
                Node moved = n.startingOn(LocalDate.ofEpochDay(required));
                byId.put(id, moved);
                changed.put(id, moved);
            }
        }
        return List.copyOf(changed.values());
    }

    /**
     * The path from {@code from} to {@code to} along existing dependencies, if any — adding the dependency
     * {@code to → from} would then close a cycle.
     */
    public static Optional<List<UUID>> path(UUID from, UUID to, List<Edge> edges) {
        Map<UUID, List<UUID>> out = successors(edges);
        Map<UUID, UUID> cameFrom = new HashMap<>();
        Deque<UUID> queue = new ArrayDeque<>();
        queue.add(from);
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            UUID current = queue.poll();
            if (current.equals(to)) {
                List<UUID> path = new ArrayList<>();
                for (UUID at = to; ; at = cameFrom.get(at)) {
                    path.add(0, at);
                    if (at.equals(from)) {
                        break;
                    }
                }
                return Optional.of(path);
            }
            for (UUID next : out.getOrDefault(current, List.of())) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<UUID, Node> index(List<Node> nodes) {
        Map<UUID, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        return byId;
    }

    private static Map<UUID, List<UUID>> successors(List<Edge> edges) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        for (Edge e : edges) {
            out.computeIfAbsent(e.predecessor(), k -> new ArrayList<>()).add(e.successor());
        }
        return out;
    }

    private static Set<UUID> reachable(UUID from, List<Edge> edges) {
        Map<UUID, List<UUID>> out = successors(edges);
        Set<UUID> seen = new HashSet<>();
        Deque<UUID> stack = new ArrayDeque<>();
        stack.push(from);
        while (!stack.isEmpty()) {
            UUID id = stack.pop();
            if (seen.add(id)) {
                out.getOrDefault(id, List.of()).forEach(stack::push);
            }
        }
        return seen;
    }

    /** Kahn's algorithm, ties broken by the order of {@code nodes}; refuses a cycle. */
    static List<UUID> topologicalOrder(List<Node> nodes, List<Edge> edges) {
        Map<UUID, Integer> indegree = new LinkedHashMap<>();
        nodes.forEach(n -> indegree.put(n.id(), 0));
        Map<UUID, List<UUID>> out = new HashMap<>();
        for (Edge e : edges) {
            if (indegree.containsKey(e.predecessor()) && indegree.containsKey(e.successor())) {
                out.computeIfAbsent(e.predecessor(), k -> new ArrayList<>()).add(e.successor());
                indegree.merge(e.successor(), 1, Integer::sum);
            }
        }
        Deque<UUID> ready = new ArrayDeque<>();
        indegree.forEach((id, d) -> {
            if (d == 0) {
                ready.add(id);
            }
        });
        List<UUID> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            UUID id = ready.poll();
            order.add(id);
            for (UUID next : out.getOrDefault(id, List.of())) {
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() != indegree.size()) {
            throw new IllegalStateException("The task network has a cycle");
        }
        return order;
    }
}
