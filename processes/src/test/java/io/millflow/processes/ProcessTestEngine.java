package io.millflow.processes;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.ProcessEngineConfiguration;
import org.operaton.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** An in-memory engine (H2) with the models of {@code bpmn/} deployed, for process tests. */
final class ProcessTestEngine {

    private ProcessTestEngine() {
    }

    static ProcessEngine start() {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:process-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setProcessEngineName("process-test-" + UUID.randomUUID());
        Map<Object, Object> beans = new HashMap<>();
        beans.put("workingCalendar", new WeekdayCalendar());
        cfg.setBeans(beans);
        ProcessEngine engine = cfg.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addClasspathResource("bpmn/purchase-requisition.bpmn")
                .addClasspathResource("bpmn/purchase-approval-levels.dmn")
                .addClasspathResource("bpmn/purchase-order-change.bpmn")
                .addClasspathResource("bpmn/cycle-count.bpmn")
                .addClasspathResource("bpmn/cycle-count-tolerance.dmn")
                .addClasspathResource("bpmn/purchase-order.bpmn")
                .addClasspathResource("bpmn/invoice-match-tolerance.dmn")
                .addClasspathResource("bpmn/stock-replenishment.bpmn")
                .addClasspathResource("bpmn/replenishment-auto-approval.dmn")
                .addClasspathResource("bpmn/timesheet-approval.bpmn")
                .addClasspathResource("bpmn/project-intake.bpmn")
                .addClasspathResource("bpmn/task-approval.bpmn")
                .addClasspathResource("bpmn/project-material-request.bpmn")
                .addClasspathResource("bpmn/finance-review.form")
                .deploy();
        return engine;
    }

    /** Monday to Friday, no holidays: enough to check what the models ask of the calendar. */
    public static final class WeekdayCalendar {
        public Date addWorkingDays(Date start, int days) {
            ZonedDateTime t = start.toInstant().atZone(ZoneId.of("UTC"));
            int added = 0;
            while (added < days) {
                t = t.plusDays(1);
                if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    added++;
                }
            }
            return Date.from(t.toInstant());
        }
    }
}
