package io.millflow.pms;

import static io.millflow.pms.DependencyKind.FS;
import static io.millflow.pms.DependencyKind.SS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.pms.CriticalPath.Edge;
import io.millflow.pms.CriticalPath.Node;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

    private static final LocalDate D0 = LocalDate.of(2026, 1, 5);
    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();
    private final UUID e = UUID.randomUUID();
    private final UUID f = UUID.randomUUID();

    private static LocalDate day(int n) {
        return D0.plusDays(n);
    }

    private static Node task(UUID id, int start, int days) {
        return new Node(id, day(start), day(start + days - 1), false);
    }

    /*
     * Six tasks, all planned to start on day 0 (2026-01-05), worked out by hand. Durations: A 3, B 2, C 4, D 1,
     * E 2, F milestone. Dependencies: A→B FS, A→C SS+1, B→D FS+2, C→E FS, D→F FS, E→F FS.
     *
     * Forward pass (ES..EF, inclusive days):
     *   A 0..2;  B FS after A: 2+1 = 3 → 3..4;  C SS+1 on A: 0+1 = 1 → 1..4;
     *   D FS+2 after B: 4+1+2 = 7 → 7..7;  E FS after C: 4+1 = 5 → 5..6;
     *   F milestone FS after D (8) and E (7) → 8..8.  Project finish: day 8.
     * Backward pass (LS..LF):
     *   F 8..8;  D: LS = LS(F) - lag 0 - dur 1 = 7 → 7..7;  E: 8 - 0 - 2 = 6 → 6..7;
     *   B: LS(D) - lag 2 - dur 2 = 3 → 3..4;  C: LS(E) - 0 - 4 = 2 → 2..5;
     *   A: min(LS(B) - 0 - 3 = 0, via SS: LS(C) - 1 = 1) = 0 → 0..2.
     * Slack = LS - ES: A 0, B 0, C 1, D 0, E 1, F 0. Critical path: A, B, D, F.
     */
    @Test
    void sixTaskNetworkWithLagAndStartToStart() {
        List<Node> nodes = List.of(task(a, 0, 3), task(b, 0, 2), task(c, 0, 4), task(d, 0, 1), task(e, 0, 2),
                new Node(f, day(0), day(0), true));
        List<Edge> edges = List.of(new Edge(a, b, FS, 0), new Edge(a, c, SS, 1), new Edge(b, d, FS, 2),
                new Edge(c, e, FS, 0), new Edge(d, f, FS, 0), new Edge(e, f, FS, 0));

        ScheduleView s = CriticalPath.schedule(UUID.randomUUID(), nodes, edges);

        assertThat(s.projectStart()).isEqualTo(day(0));
        assertThat(s.projectFinish()).isEqualTo(day(8));
        Map<UUID, ScheduledTask> t = s.tasks().stream()
                .collect(Collectors.toMap(ScheduledTask::taskId, Function.identity()));
        check(t.get(a), 0, 2, 0, 2, 0);
        check(t.get(b), 3, 4, 3, 4, 0);
        check(t.get(c), 1, 4, 2, 5, 1);
        check(t.get(d), 7, 7, 7, 7, 0);
        check(t.get(e), 5, 6, 6, 7, 1);
        check(t.get(f), 8, 8, 8, 8, 0);
        assertThat(s.criticalPath()).containsExactly(a, b, d, f);
    }

    private static void check(ScheduledTask t, int es, int ef, int ls, int lf, int slack) {
        assertThat(List.of(t.earlyStart(), t.earlyFinish(), t.lateStart(), t.lateFinish()))
                .containsExactly(day(es), day(ef), day(ls), day(lf));
        assertThat(t.slackDays()).isEqualTo(slack);
        assertThat(t.critical()).isEqualTo(slack == 0);
    }

    @Test
    void aPlannedStartLaterThanTheConstraintIsKeptAndGivesSlackToNobodyElse() {
        // A 0..1, B planned 5..5 (FS after A would allow day 2): ES(B) = 5; the finish is day 5; A has slack 3.
        ScheduleView s = CriticalPath.schedule(null, List.of(task(a, 0, 2), task(b, 5, 1)),
                List.of(new Edge(a, b, FS, 0)));
        Map<UUID, ScheduledTask> t = s.tasks().stream()
                .collect(Collectors.toMap(ScheduledTask::taskId, Function.identity()));
        check(t.get(a), 0, 1, 3, 4, 3);
        check(t.get(b), 5, 5, 5, 5, 0);
    }

    @Test
    void aMilestonePredecessorLetsItsSuccessorStartOnItsDay() {
        ScheduleView s = CriticalPath.schedule(null, List.of(new Node(a, day(3), day(3), true), task(b, 0, 2)),
                List.of(new Edge(a, b, FS, 1)));
        ScheduledTask tb = s.tasks().get(1);
        assertThat(tb.earlyStart()).isEqualTo(day(4));
        assertThat(tb.earlyFinish()).isEqualTo(day(5));
    }

    /*
     * A 0..2 →FS B 3..4 →FS C 5..9 →FS E 20..20 (E has slack); A →SS+1 D 1..1.
     * A moves two days later to 2..4: B must start on 5 (5..6), C on 7 (7..11), D on 3 (3..3); E (after C, day 12
     * at the earliest) stays on day 20.
     */
    @Test
    void reschedulePushesSuccessorsAlongChainsAndStartToStart() {
        List<Node> nodes = new ArrayList<>(List.of(task(a, 2, 3), task(b, 3, 2), task(c, 5, 5), task(d, 1, 1),
                task(e, 20, 1)));
        List<Edge> edges = List.of(new Edge(a, b, FS, 0), new Edge(b, c, FS, 0), new Edge(a, d, SS, 1),
                new Edge(c, e, FS, 0));

        List<Node> moved = CriticalPath.push(nodes, edges, a);

        Map<UUID, Node> m = moved.stream().collect(Collectors.toMap(Node::id, Function.identity()));
        assertThat(m.keySet()).containsExactlyInAnyOrder(b, c, d);
        assertThat(m.get(b)).isEqualTo(task(b, 5, 2));
        assertThat(m.get(c)).isEqualTo(task(c, 7, 5));
        assertThat(m.get(d)).isEqualTo(task(d, 3, 1));
    }

    @Test
    void rescheduleNeverPullsBackAndPushesOnlyAsFarAsNeeded() {
        // A moved earlier (0..1): B at 6..6 is not pulled back.
        List<Edge> edges = List.of(new Edge(a, b, FS, 0), new Edge(b, c, FS, 2));
        assertThat(CriticalPath.push(List.of(task(a, 0, 2), task(b, 6, 1), task(c, 9, 1)), edges, a)).isEmpty();
        // A moved to 3..6: B must start on 7 (one day); C must start on 7+1+2 = 10 (one day).
        assertThat(CriticalPath.push(List.of(task(a, 3, 4), task(b, 6, 1), task(c, 9, 1)), edges, a))
                .containsExactly(task(b, 7, 1), task(c, 10, 1));
        // A moved to 3..4: B (6) is still after 5: nothing moves.
        assertThat(CriticalPath.push(List.of(task(a, 3, 2), task(b, 6, 1), task(c, 9, 1)), edges, a)).isEmpty();
    }

    @Test
    void pushAllSatisfiesEveryConstraintOfATemplate() {
        List<Node> moved = CriticalPath.pushAll(List.of(task(a, 0, 3), task(b, 0, 2), task(c, 0, 1)),
                List.of(new Edge(a, b, FS, 0), new Edge(b, c, SS, 1)));
        assertThat(moved).containsExactly(task(b, 3, 2), task(c, 4, 1));
    }

    @Test
    void findsThePathThatANewDependencyWouldCloseIntoACycle() {
        List<Edge> edges = List.of(new Edge(a, b, FS, 0), new Edge(b, c, FS, 0));
        // adding c → a would close a → b → c → a
        assertThat(CriticalPath.path(a, c, edges)).contains(List.of(a, b, c));
        assertThat(CriticalPath.path(c, a, edges)).isEmpty();
        assertThatThrownBy(() -> CriticalPath.topologicalOrder(List.of(task(a, 0, 1), task(b, 0, 1)),
                List.of(new Edge(a, b, FS, 0), new Edge(b, a, FS, 0)))).isInstanceOf(IllegalStateException.class);
    }
}
