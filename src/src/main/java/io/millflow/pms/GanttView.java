package io.millflow.pms;

import java.util.List;

/** Everything a Gantt chart needs in one answer. */
public record GanttView(List<TaskView> tasks, List<DependencyView> dependencies, ScheduleView schedule) {
}
