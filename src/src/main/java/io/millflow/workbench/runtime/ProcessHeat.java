package io.millflow.workbench.runtime;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.BoundaryEvent;
import org.operaton.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history queries behind the heatmap: one SQL aggregation over Operaton's {@code ACT_HI_ACTINST} joined with
 * {@code ACT_HI_PROCINST} (PostgreSQL ordered-set aggregates for the percentiles, nearest rank), and the SLA
 * lateness from fired timer boundary events and overdue timer jobs. No permission check: {@link ProcessRuntime}
 * is the only caller.
 */
@Component
class ProcessHeat {

    /** Filter on the process instances: key, definition (one version) or null, start time in [from, to), key. */
    record Filter(String key, String definitionId, Instant from, Instant to, String businessKey) {

        String where(List<Object> args) {
            StringBuilder sql = new StringBuilder(" p.proc_def_key_ = ?");
            args.add(key);
            if (definitionId != null) {
                sql.append(" and p.proc_def_id_ = ?");
                args.add(definitionId);
            }
            if (from != null) {
                sql.append(" and p.start_time_ >= ?");
                args.add(Timestamp.from(from));
            }
            if (to != null) {
                sql.append(" and p.start_time_ < ?");
                args.add(Timestamp.from(to));
            }
            if (businessKey != null) {
                sql.append(" and p.business_key_ = ?");
                args.add(businessKey);
            }
            return sql.toString();
        }
    }

    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final Map<String, Map<String, String>> boundaries = new ConcurrentHashMap<>();

    ProcessHeat(JdbcTemplate jdbc, RepositoryService repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    BpmnModelInstance model(String definitionId) {
        return repository.getBpmnModelInstance(definitionId);
    }

    /** Timer boundary events of a definition: boundary event id → id of the activity it is attached to. */
    Map<String, String> timerBoundaries(String definitionId) {
        return boundaries.computeIfAbsent(definitionId, id -> {
            Map<String, String> found = new HashMap<>();
            for (BoundaryEvent b : model(id).getModelElementsByType(BoundaryEvent.class)) {
                boolean timer = b.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
                if (timer && b.getAttachedTo() != null) {
                    found.put(b.getId(), b.getAttachedTo().getId());
                }
            }
            return Map.copyOf(found);
        });
    }

    long instances(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        Long n = jdbc.queryForObject("select count(*) from act_hi_procinst p where" + where, Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    List<ActivityHeat> activities(Filter filter, Map<String, String> attachedTo, Instant now) {
        Map<String, Set<String>> late = lateInstances(filter, attachedTo, now);
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        // durations are null while an activity instance is open: avg, max and the percentiles skip nulls
        String sql = "select a.act_id_ as activity_id, max(a.act_name_) as activity_name,"
                + " count(a.end_time_) as completed, count(*) - count(a.end_time_) as open,"
                + " avg(a.duration_) as avg_ms,"
                + " percentile_disc(0.5) within group (order by a.duration_) as p50_ms,"
                + " percentile_disc(0.95) within group (order by a.duration_) as p95_ms,"
                + " max(a.duration_) as max_ms"
                + " from act_hi_actinst a join act_hi_procinst p on p.proc_inst_id_ = a.proc_inst_id_"
                + " where" + where
                + " group by a.act_id_ order by a.act_id_";
        Map<String, ActivityHeat> rows = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            String id = rs.getString("activity_id");
            java.math.BigDecimal avg = rs.getBigDecimal("avg_ms");
            rows.put(id, new ActivityHeat(id, rs.getString("activity_name"), rs.getLong("completed"),
                    rs.getLong("open"),
                    avg == null ? null : Duration.ofMillis(avg.setScale(0, java.math.RoundingMode.HALF_UP).longValue()),
                    millis(rs, "p50_ms"), millis(rs, "p95_ms"), millis(rs, "max_ms"),
                    late.getOrDefault(id, Set.of()).size()));
        }, args.toArray());
        // an activity that is late but has no history row of its own cannot exist: the timer hangs on it
        return List.copyOf(rows.values());
    }

    /**
     * Per activity, the instances in which it is late: a timer boundary event attached to it fired (its historic
     * activity instance exists) or its timer job is due before {@code now}.
     */
    private Map<String, Set<String>> lateInstances(Filter filter, Map<String, String> attachedTo, Instant now) {
        Map<String, Set<String>> late = new HashMap<>();
        if (attachedTo.isEmpty()) {
            return late;
        }
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        jdbc.query("select distinct a.act_id_, a.proc_inst_id_ from act_hi_actinst a"
                + " join act_hi_procinst p on p.proc_inst_id_ = a.proc_inst_id_"
                + " where a.act_type_ = 'boundaryTimer' and" + where, rs -> {
                    String activity = attachedTo.get(rs.getString(1));
                    if (activity != null) {
                        late.computeIfAbsent(activity, k -> new HashSet<>()).add(rs.getString(2));
                    }
                }, args.toArray());
        List<Object> jobArgs = new ArrayList<>();
        jobArgs.add(Timestamp.from(now));
        String jobWhere = filter.where(jobArgs);
        jdbc.query("select distinct d.act_id_, j.process_instance_id_ from act_ru_job j"
                + " join act_ru_jobdef d on d.id_ = j.job_def_id_"
                + " join act_hi_procinst p on p.proc_inst_id_ = j.process_instance_id_"
                + " where j.type_ = 'timer' and j.duedate_ < ? and" + jobWhere, rs -> {
                    String activity = attachedTo.get(rs.getString(1));
                    if (activity != null) {
                        late.computeIfAbsent(activity, k -> new HashSet<>()).add(rs.getString(2));
                    }
                }, jobArgs.toArray());
        return late;
    }

    private static Duration millis(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofMillis(v);
    }
}
