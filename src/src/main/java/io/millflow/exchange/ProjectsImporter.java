package io.millflow.exchange;

import io.millflow.pms.ProjectCommand;
import io.millflow.pms.Projects;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Projects: one row per project (ACTIVE, manager as MANAGER member, tasks from a template if named); {@link Projects#create}. */
@Component
class ProjectsImporter implements KindImporter<ProjectsImporter.Plan> {

    record Entry(int row, ProjectCommand command) {
    }

    record Plan(List<Entry> entries) {
    }

    private final Projects projects;
    private final References refs;

    ProjectsImporter(Projects projects, References refs) {
        this.projects = projects;
        this.refs = refs;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PROJECTS;
    }

    @Override
    public Plan read(Sheet s) {
        Map<String, UUID> departments = refs.departments();
        Set<String> existing = refs.projectCodes(s.distinct("code", true));
        Map<String, Integer> seen = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Table.Row r : s.rows()) {
            int before = s.errors().size();
            String code = s.required(r, "code");
            code = code == null ? null : code.toUpperCase(Locale.ROOT);
            if (code != null && !code.matches("[A-Z0-9][A-Z0-9_-]{0,19}")) {
                s.error(r, "code", "must be 1-20 capital letters, digits, _ or -, starting with a letter or digit");
            } else if (code != null && existing.contains(code)) {
                s.error(r, "code", "a project with code " + code + " exists already");
            } else if (code != null && seen.putIfAbsent(code, r.number()) != null) {
                s.error(r, "code", "is given twice in the file (also row " + seen.get(code) + ")");
            }
            String name = s.required(r, "name");
            String dept = s.required(r, "department");
            UUID department = dept == null ? null : departments.get(dept.toUpperCase(Locale.ROOT));
            if (dept != null && department == null) {
                s.error(r, "department", "is not a known department: " + dept);
            }
            String manager = s.required(r, "manager");
            var start = s.date(r, "start_date");
            var end = s.date(r, "end_date");
            if (s.text(r, "start_date") == null) {
                s.error(r, "start_date", "is required");
            }
            if (s.text(r, "end_date") == null) {
                s.error(r, "end_date", "is required");
            }
            if (start != null && end != null && end.isBefore(start)) {
                s.error(r, "end_date", "is before the start date " + start);
            }
            var budget = s.decimal(r, "budget");
            if (budget != null && budget.signum() < 0) {
                s.error(r, "budget", "must not be negative");
            }
            ProjectCommand cmd = new ProjectCommand(code, name, s.text(r, "description"), department, List.of(), manager,
                    start, end, budget, s.text(r, "currency"), s.text(r, "template"), List.of());
            if (s.errors().size() == before) {
                entries.add(new Entry(r.number(), cmd));
            }
        }
        return new Plan(entries);
    }

    @Override
    public int write(Sheet s, Plan plan) {
        for (Entry e : plan.entries()) {
            KindImporter.forRow(s, e.row(), () -> projects.create(e.command()));
        }
        return plan.entries().size();
    }
}
