package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Tokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process runtime API (issue 7): counts and heatmap equal what the engine's history holds for a generated set
 * of instances (acceptance 4); incidents and their retry; migration with preview and report; only PROCESS_OWNER and
 * ADMIN may read or act, and every act is audited (acceptance 5). Test-only process keys ({@code wb-test-*}) and a
 * candidate group nobody has, so the other test classes of the shared context see nothing of this.
 */
@AppTest
class ProcessRuntimeApiTest {

    private static final String BASE = "/api/v1/process-runtime";
    private static final String HEAT = "wb-test-heat";
    private static final String INCIDENT = "wb-test-incident";
    private static final String MIGRATE = "wb-test-migrate";
    private static final String RETENTION = "wb-test-retention";
    /** No worker of the app serves this topic. */
    private static final String TOPIC = "wb-test.neverServed";
    private static final List<String> OUTSIDERS = List.of("employee", "manager", "buyer");

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    ExternalTaskService externalTasks;
    @Autowired
    JdbcTemplate jdbc;

    private Api api() {
        return new Api(port);
    }

    private String token(String user) {
        return Tokens.user(port, user);
    }

    // ---------------------------------------------------------------- models

    private static String process(String key, String name, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://millflow.io/test">
                  <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="Start"/>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, name, body);
    }

    /** Pick (with a non-interrupting one-hour SLA timer) then Pack. */
    private static String heatModel(String name) {
        return process(HEAT, name, """
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Pick"/>
                <bpmn:userTask id="Pick" name="Pick" camunda:candidateGroups="WB_TEST"/>
                <bpmn:boundaryEvent id="PickLate" name="Pick late" attachedToRef="Pick" cancelActivity="false">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:sequenceFlow id="f4" sourceRef="PickLate" targetRef="LateNoted"/>
                <bpmn:endEvent id="LateNoted"/>
                <bpmn:sequenceFlow id="f2" sourceRef="Pick" targetRef="Pack"/>
                <bpmn:userTask id="Pack" name="Pack" camunda:candidateGroups="WB_TEST"/>
                <bpmn:sequenceFlow id="f3" sourceRef="Pack" targetRef="End"/>
                <bpmn:endEvent id="End"/>
                """);
    }

    private static String reviewModel(String key, String reviewId, boolean withCheck) {
        String tail = withCheck ? """
                <bpmn:userTask id="Check" name="Check" camunda:candidateGroups="WB_TEST"/>
                <bpmn:sequenceFlow id="f2" sourceRef="%1$s" targetRef="Check"/>
                <bpmn:sequenceFlow id="f3" sourceRef="Check" targetRef="End"/>
                """.formatted(reviewId) : """
                <bpmn:sequenceFlow id="f2" sourceRef="%1$s" targetRef="End"/>
                """.formatted(reviewId);
        return process(key, "Review test", """
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="%1$s"/>
                <bpmn:userTask id="%1$s" name="Review" camunda:candidateGroups="WB_TEST"/>
                %2$s
                <bpmn:endEvent id="End"/>
                """.formatted(reviewId, tail));
    }

    private ProcessDefinition deploy(String key, String xml) {
        String deploymentId = repository.createDeployment().name("test:" + key).addString(key + ".bpmn", xml)
                .deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    private void completeTask(ProcessInstance pi, String activityId) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId)
                .singleResult().getId());
    }

    private Job slaTimer(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    }

    private long audits(String action, String entityId) {
        return jdbc.queryForObject("select count(*) from audit_record where action = ? and entity_id = ?", Long.class,
                action, entityId);
    }

    private void forbiddenForOutsiders(Function<String, Api.Response> call) {
        for (String user : OUTSIDERS) {
            Api.Response r = call.apply(token(user));
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.text("type")).as(user).endsWith("forbidden");
        }
    }

    // ---------------------------------------------------------------- acceptance 4: heatmap and counts

    @Test
    void heatmapAndCountsEqualWhatTheHistoryHolds() throws InterruptedException {
        Instant before = Instant.now().minusSeconds(2);
        ProcessDefinition v1 = deploy(HEAT, heatModel("Heat test"));
        List<ProcessInstance> one = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            one.add(runtime.startProcessInstanceById(v1.getId(), "heat-" + i));
        }
        ProcessDefinition v2 = deploy(HEAT, heatModel("Heat test, version 2"));
        List<ProcessInstance> two = new ArrayList<>();
        for (int i = 5; i <= 7; i++) {
            two.add(runtime.startProcessInstanceById(v2.getId(), "heat-" + i));
        }
        // SLA: heat-2 and heat-7 see their timer fire; heat-4's timer is overdue (suspended so nothing fires it)
        management.executeJob(slaTimer(one.get(1)).getId());
        management.executeJob(slaTimer(two.get(2)).getId());
        Job overdue = slaTimer(one.get(3));
        management.suspendJobById(overdue.getId());
        management.setJobDuedate(overdue.getId(), Date.from(Instant.now().minus(Duration.ofMinutes(5))));
        // known but different durations
        int[] picked = {0, 1, 2, 4, 5};
        for (int k = 0; k < picked.length; k++) {
            Thread.sleep(15L * (k + 1));
            int i = picked[k];
            completeTask(i < 4 ? one.get(i) : two.get(i - 4), "Pick");
        }
        Thread.sleep(20);
        completeTask(one.get(0), "Pack");
        Thread.sleep(35);
        completeTask(two.get(0), "Pack");
        Instant after = Instant.now().plusSeconds(2);

        List<ProcessInstance> all = new ArrayList<>(one);
        all.addAll(two);
        String owner = token("owner");

        JsonNode heat = api().get(BASE + "/" + HEAT + "/heatmap", owner).body();
        assertThat(heat.get("instances").asLong()).isEqualTo(7);
        assertHeatEqualsHistory(heat, all);
        assertThat(activity(heat, "Pick").get("lateAgainstSla").asLong()).isEqualTo(3);
        assertThat(activity(heat, "Pack").get("lateAgainstSla").asLong()).isZero();

        JsonNode version1 = api().get(BASE + "/" + HEAT + "/heatmap?version=" + v1.getVersion(), owner).body();
        assertThat(version1.get("instances").asLong()).isEqualTo(4);
        assertHeatEqualsHistory(version1, one);
        assertThat(activity(version1, "Pick").get("lateAgainstSla").asLong()).isEqualTo(2);

        JsonNode one1 = api().get(BASE + "/" + HEAT + "/heatmap?businessKey=heat-1&from=" + before + "&to=" + after,
                token("admin")).body();
        assertThat(one1.get("instances").asLong()).isEqualTo(1);
        assertHeatEqualsHistory(one1, List.of(one.get(0)));

        JsonNode later = api().get(BASE + "/" + HEAT + "/heatmap?from=" + after, owner).body();
        assertThat(later.get("instances").asLong()).isZero();
        assertThat(later.get("activities")).isEmpty();

        Api.Response badRange = api().get(BASE + "/" + HEAT + "/heatmap?from=" + after + "&to=" + before, owner);
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.text("field")).isEqualTo("from");
        Api.Response badDate = api().get(BASE + "/" + HEAT + "/heatmap?to=yesterday", owner);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.text("field")).isEqualTo("to");
        assertThat(api().get(BASE + "/" + HEAT + "/heatmap?version=99", owner).status()).isEqualTo(404);
        assertThat(api().get(BASE + "/wb-test-unknown/heatmap", owner).status()).isEqualTo(404);

        // counts per activity: the running activity instances the history holds (all versions, then one)
        assertCountsEqualHistory(api().get(BASE + "/" + HEAT + "/activity-counts", owner).body(), all);
        assertCountsEqualHistory(api().get(BASE + "/" + HEAT + "/activity-counts?version=" + v2.getVersion(), owner)
                .body(), two);
        assertThat(api().get(BASE + "/wb-test-unknown/activity-counts", owner).status()).isEqualTo(404);

        forbiddenForOutsiders(t -> api().get(BASE + "/" + HEAT + "/heatmap", t));
        forbiddenForOutsiders(t -> api().get(BASE + "/" + HEAT + "/activity-counts", t));
    }

    private static JsonNode activity(JsonNode heat, String activityId) {
        for (JsonNode a : heat.get("activities")) {
            if (a.get("activityId").asText().equals(activityId)) {
                return a;
            }
        }
        throw new AssertionError("no activity " + activityId + " in " + heat);
    }

    private void assertHeatEqualsHistory(JsonNode heat, List<ProcessInstance> instances) {
        Map<String, List<HistoricActivityInstance>> byActivity = new TreeMap<>();
        for (ProcessInstance pi : instances) {
            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(pi.getId()).list()) {
                byActivity.computeIfAbsent(a.getActivityId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, JsonNode> reported = new TreeMap<>();
        heat.get("activities").forEach(a -> reported.put(a.get("activityId").asText(), a));
        assertThat(reported.keySet()).isEqualTo(byActivity.keySet());
        byActivity.forEach((activityId, list) -> {
            JsonNode a = reported.get(activityId);
            List<Long> durations = list.stream().filter(h -> h.getEndTime() != null)
                    .map(HistoricActivityInstance::getDurationInMillis).sorted().toList();
            assertThat(a.get("completed").asLong()).as(activityId).isEqualTo(durations.size());
            assertThat(a.get("open").asLong()).as(activityId).isEqualTo(list.size() - durations.size());
            if (durations.isEmpty()) {
                assertThat(a.get("average").isNull()).as(activityId).isTrue();
                return;
            }
            long sum = durations.stream().mapToLong(Long::longValue).sum();
            long average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(durations.size()), 0,
                    RoundingMode.HALF_UP).longValue();
            assertThat(millis(a.get("average"))).as(activityId + " average").isEqualTo(average);
            assertThat(millis(a.get("p50"))).as(activityId + " p50").isEqualTo(nearestRank(durations, 0.5));
            assertThat(millis(a.get("p95"))).as(activityId + " p95").isEqualTo(nearestRank(durations, 0.95));
            assertThat(millis(a.get("max"))).as(activityId + " max").isEqualTo(durations.get(durations.size() - 1));
        });
    }

    private void assertCountsEqualHistory(JsonNode counts, List<ProcessInstance> instances) {
        Map<String, Long> expected = new TreeMap<>();
        for (ProcessInstance pi : instances) {
            history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).unfinished().list()
                    .forEach(a -> expected.merge(a.getActivityId(), 1L, Long::sum));
        }
        Map<String, Long> reported = new TreeMap<>();
        counts.forEach(c -> {
            reported.put(c.get("activityId").asText(), c.get("running").asLong());
            assertThat(c.get("incidents").asLong()).isZero();
        });
        assertThat(reported).isEqualTo(expected);
    }

    private static long nearestRank(List<Long> sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static long millis(JsonNode duration) {
        if (duration.isNumber()) {
            return duration.decimalValue().movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue();
        }
        return Duration.parse(duration.asText()).toMillis();
    }

    // ---------------------------------------------------------------- incidents

    @Test
    void anIncidentIsListedWithItsErrorAndRetriedByTheOwner() {
        deploy(INCIDENT, process(INCIDENT, "Incident test", """
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="CallOut"/>
                <bpmn:serviceTask id="CallOut" name="Call out" camunda:type="external" camunda:topic="%s"/>
                <bpmn:sequenceFlow id="f2" sourceRef="CallOut" targetRef="End"/>
                <bpmn:endEvent id="End"/>
                """.formatted(TOPIC)));
        ProcessInstance pi = runtime.startProcessInstanceByKey(INCIDENT, "inc-1");
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(1, "wb-test-worker").topic(TOPIC, 60_000)
                .execute();
        assertThat(locked).hasSize(1);
        externalTasks.handleFailure(locked.get(0).getId(), "wb-test-worker", "carrier system down",
                "java.lang.IllegalStateException: carrier system down\n\tat somewhere", 0, 0);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);

        String owner = token("owner");
        Api.Response listed = api().get(BASE + "/incidents?key=" + INCIDENT, owner);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).hasSize(1);
        JsonNode incident = listed.body().get(0);
        assertThat(incident.get("processKey").asText()).isEqualTo(INCIDENT);
        assertThat(incident.get("version").asInt()).isEqualTo(1);
        assertThat(incident.get("processInstanceId").asText()).isEqualTo(pi.getId());
        assertThat(incident.get("businessKey").asText()).isEqualTo("inc-1");
        assertThat(incident.get("activityId").asText()).isEqualTo("CallOut");
        assertThat(incident.get("activityName").asText()).isEqualTo("Call out");
        assertThat(incident.get("type").asText()).isEqualTo("failedExternalTask");
        assertThat(incident.get("message").asText()).isEqualTo("carrier system down");
        assertThat(incident.get("details").asText()).contains("at somewhere");
        assertThat(incident.get("configuration").asText()).isEqualTo(locked.get(0).getId());
        assertThat(incident.get("created").isNull()).isFalse();
        assertThat(api().get(BASE + "/incidents", token("admin")).body().findValuesAsText("id"))
                .contains(incident.get("id").asText());

        JsonNode counts = api().get(BASE + "/" + INCIDENT + "/activity-counts", owner).body();
        assertThat(counts).hasSize(1);
        assertThat(counts.get(0).get("activityId").asText()).isEqualTo("CallOut");
        assertThat(counts.get(0).get("running").asLong()).isEqualTo(1);
        assertThat(counts.get(0).get("incidents").asLong()).isEqualTo(1);

        String id = incident.get("id").asText();
        forbiddenForOutsiders(t -> api().get(BASE + "/incidents?key=" + INCIDENT, t));
        forbiddenForOutsiders(t -> api().post(BASE + "/incidents/" + id + "/retry", t, Map.of()));
        assertThat(runtime.createIncidentQuery().incidentId(id).count()).isEqualTo(1);
        assertThat(audits("INCIDENT_RETRIED", id)).isZero();

        assertThat(api().post(BASE + "/incidents/" + id + "/retry", owner, Map.of()).status()).isEqualTo(204);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(externalTasks.createExternalTaskQuery().externalTaskId(locked.get(0).getId()).singleResult()
                .getRetries()).isEqualTo(1);
        assertThat(audits("INCIDENT_RETRIED", id)).isEqualTo(1);
        assertThat(api().get(BASE + "/incidents?key=" + INCIDENT, owner).body()).isEmpty();

        Api.Response gone = api().post(BASE + "/incidents/" + id + "/retry", owner, Map.of());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("type")).endsWith("not-found");
        assertThat(api().get(BASE + "/incidents?key=wb-test-unknown", owner).status()).isEqualTo(404);
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void aFailedJobIncidentIsRetriedByGivingTheJobOneMoreTry() {
        String key = INCIDENT + "-job";
        deploy(key, process(key, "Job incident test", """
                <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait"/>
                <bpmn:intermediateCatchEvent id="Wait" name="Wait an hour">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="End"/>
                <bpmn:endEvent id="End"/>
                """));
        ProcessInstance pi = runtime.startProcessInstanceByKey(key, "job-1");
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        management.setJobRetries(job.getId(), 0);
        String owner = token("owner");
        JsonNode listed = api().get(BASE + "/incidents?key=" + key, owner).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("type").asText()).isEqualTo("failedJob");
        assertThat(listed.get(0).get("configuration").asText()).isEqualTo(job.getId());
        assertThat(listed.get(0).get("activityName").asText()).isEqualTo("Wait an hour");
        String id = listed.get(0).get("id").asText();

        assertThat(api().post(BASE + "/incidents/" + id + "/retry", token("admin"), Map.of()).status())
                .isEqualTo(204);
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(audits("INCIDENT_RETRIED", id)).isEqualTo(1);
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }

    // ---------------------------------------------------------------- migration

    @Test
    void instancesMoveToTheNewVersionAfterAPreviewAndTheReportSaysWhatMoved() {
        ProcessDefinition v1 = deploy(MIGRATE, reviewModel(MIGRATE, "Review", false));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(runtime.startProcessInstanceById(v1.getId(), "mig-" + i).getId());
        }
        ProcessDefinition v2 = deploy(MIGRATE, reviewModel(MIGRATE, "Review", true));
        String path = BASE + "/" + MIGRATE + "/migrations";

        Api.Response preview = api().get(path + "/preview?from=1&to=2", token("admin"));
        assertThat(preview.status()).isEqualTo(200);
        JsonNode p = preview.body();
        assertThat(p.get("sourceDefinitionId").asText()).isEqualTo(v1.getId());
        assertThat(p.get("targetDefinitionId").asText()).isEqualTo(v2.getId());
        assertThat(p.get("instances").asLong()).isEqualTo(3);
        assertThat(p.get("instancesByActivity").get("Review").asLong()).isEqualTo(3);
        assertThat(p.get("unmappedActivities")).isEmpty();
        assertThat(p.get("problems")).isEmpty();
        Map<String, String> instructions = new HashMap<>();
        p.get("instructions").forEach(i -> instructions.put(i.get("sourceActivityId").asText(),
                i.get("targetActivityId").asText()));
        assertThat(instructions).containsEntry("Review", "Review");
        // a preview changes nothing
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isEqualTo(3);

        forbiddenForOutsiders(t -> api().get(path + "/preview?from=1&to=2", t));
        forbiddenForOutsiders(t -> api().post(path, t, Map.of("fromVersion", 1, "toVersion", 2)));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isEqualTo(3);

        Api.Response same = api().get(path + "/preview?from=1&to=1", token("owner"));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text("field")).isEqualTo("to");
        assertThat(api().get(path + "/preview?from=1&to=9", token("owner")).status()).isEqualTo(404);
        assertThat(api().post(BASE + "/wb-test-unknown/migrations", token("owner"),
                Map.of("fromVersion", 1, "toVersion", 2)).status()).isEqualTo(404);
        Api.Response missing = api().post(path, token("owner"), Map.of("toVersion", 2));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("field")).isEqualTo("fromVersion");

        Api.Response migrated = api().post(path, token("owner"), Map.of("fromVersion", 1, "toVersion", 2));
        assertThat(migrated.status()).isEqualTo(200);
        JsonNode report = migrated.body();
        assertThat(report.get("moved").asLong()).isEqualTo(3);
        assertThat(report.get("failed").asLong()).isZero();
        assertThat(report.get("movedByActivity").get("Review").asLong()).isEqualTo(3);
        assertThat(report.get("sourceVersion").asInt()).isEqualTo(1);
        assertThat(report.get("targetVersion").asInt()).isEqualTo(2);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(3);
        assertThat(audits("PROCESS_MIGRATED", v2.getId())).isEqualTo(1);

        // version 3 has no Review: the preview says so, and the migration moves nothing and reports each instance
        ProcessDefinition v3 = deploy(MIGRATE, reviewModel(MIGRATE, "Approve", true));
        JsonNode p3 = api().get(path + "/preview?from=2&to=3", token("owner")).body();
        assertThat(p3.get("unmappedActivities").get(0).asText()).isEqualTo("Review");
        assertThat(p3.get("problems")).isNotEmpty();
        JsonNode failedReport = api().post(path, token("admin"), Map.of("fromVersion", 2, "toVersion", 3)).body();
        assertThat(failedReport.get("moved").asLong()).isZero();
        assertThat(failedReport.get("failed").asLong()).isEqualTo(3);
        assertThat(failedReport.get("failures")).hasSize(3);
        assertThat(failedReport.get("failures").get(0).asText()).contains("Review");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(3);
        assertThat(audits("PROCESS_MIGRATED", v3.getId())).isEqualTo(1);

        // the moved instances finish in version 2, through its new activity
        for (String id : ids) {
            tasks.complete(tasks.createTaskQuery().processInstanceId(id).singleResult().getId());
            tasks.complete(tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("Check").singleResult()
                    .getId());
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().singleResult()
                    .getProcessDefinitionId()).isEqualTo(v2.getId());
        }
    }

    // ---------------------------------------------------------------- retention

    @Test
    void historyRetentionIsSetForEveryVersionByOwnerOrAdmin() {
        deploy(RETENTION, reviewModel(RETENTION, "Review", false));
        deploy(RETENTION, reviewModel(RETENTION, "Review", true));
        String path = BASE + "/" + RETENTION + "/retention";
        Api.Response read = api().get(path, token("owner"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("days").asInt()).isEqualTo(30);

        forbiddenForOutsiders(t -> api().get(path, t));
        forbiddenForOutsiders(t -> api().put(path, t, Map.of("days", 180)));
        for (int bad : new int[] {0, -1, 3651}) {
            Api.Response r = api().put(path, token("owner"), Map.of("days", bad));
            assertThat(r.status()).as("days " + bad).isEqualTo(400);
            assertThat(r.text("field")).isEqualTo("days");
        }
        assertThat(api().put(path, token("owner"), Map.of()).status()).isEqualTo(400);
        assertThat(audits("HISTORY_RETENTION_CHANGED", RETENTION)).isZero();

        Api.Response set = api().put(path, token("admin"), Map.of("days", 180));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("days").asInt()).isEqualTo(180);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(RETENTION).list())
                .hasSize(2).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isEqualTo(180));
        assertThat(api().put(path, token("owner"), Map.of("days", 3650)).status()).isEqualTo(200);
        assertThat(api().get(path, token("admin")).body().get("days").asInt()).isEqualTo(3650);
        assertThat(audits("HISTORY_RETENTION_CHANGED", RETENTION)).isEqualTo(2);
        assertThat(api().get(BASE + "/wb-test-unknown/retention", token("owner")).status()).isEqualTo(404);
        assertThat(api().put(BASE + "/wb-test-unknown/retention", token("owner"), Map.of("days", 10)).status())
                .isEqualTo(404);
    }
}
