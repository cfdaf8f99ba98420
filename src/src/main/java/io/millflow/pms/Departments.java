package io.millflow.pms;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Departments of the firm. ADMIN creates and changes them; everyone inside the firm reads them. */
@Service
public class Departments {

    static final String ENTITY = "Department";
    /** Everyone inside the firm (not suppliers). */
    static final String INTERNAL = "hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE',"
            + "'PROCESS_OWNER','ADMIN')";

    private final DepartmentRepository departments;
    private final UserAccounts users;
    private final AuditService audit;
    private final Clock clock;

    Departments(DepartmentRepository departments, UserAccounts users, AuditService audit, Clock clock) {
        this.departments = departments;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DepartmentView create(DepartmentCommand c) {
        if (c.headUsername() != null && !c.headUsername().isBlank() && !users.exists(c.headUsername().strip())) {
            throw new ProblemException.InvalidInput("headUsername", "no user " + c.headUsername().strip());
        }
        return create(c, CurrentUser.get().username());
    }

    /**
     * Without a permission check, and without checking that the head is a user yet: for demo data and set-up code
     * running as the system.
     */
    @Transactional
    public DepartmentView create(DepartmentCommand c, String actor) {
        String code = required("code", c.code(), 20).toUpperCase();
        if (departments.existsByCode(code)) {
            throw new ProblemException.Conflict("A department with code " + code + " exists already");
        }
        Department d = new Department(code, clock.instant());
        apply(d, c, false);
        departments.saveAndFlush(d);
        audit.record(actor, "DEPARTMENT_CREATED", ENTITY, d.getId().toString(), null, d.view());
        return d.view();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DepartmentView update(UUID id, DepartmentCommand c) {
        Department d = departments.findById(id).orElseThrow(() -> new ProblemException.NotFound("No department " + id));
        if (c.code() != null && !c.code().equalsIgnoreCase(d.getCode())) {
            throw new ProblemException.InvalidInput("code", "cannot change (is " + d.getCode() + ")");
        }
        DepartmentView before = d.view();
        apply(d, c, true);
        audit.record(CurrentUser.get().username(), "DEPARTMENT_CHANGED", ENTITY, id.toString(), before, d.view());
        return d.view();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public List<DepartmentView> list() {
        return departments.findAllByOrderByCode().stream().map(Department::view).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(INTERNAL)
    public DepartmentView get(UUID id) {
        return departments.findById(id).map(Department::view)
                .orElseThrow(() -> new ProblemException.NotFound("No department " + id));
    }

    /** No permission check: workers and processes look departments up by code. */
    @Transactional(readOnly = true)
    public Optional<DepartmentView> byCode(String code) {
        return code == null ? Optional.empty() : departments.findByCode(code.toUpperCase()).map(Department::view);
    }

    private void apply(Department d, DepartmentCommand c, boolean checkHead) {
        String name = required("name", c.name(), 200);
        String head = c.headUsername() == null || c.headUsername().isBlank() ? null : c.headUsername().strip();
        if (checkHead && head != null && !users.exists(head)) {
            throw new ProblemException.InvalidInput("headUsername", "no user " + head);
        }
        d.update(name, head);
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ProblemException.InvalidInput(field, "is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new ProblemException.InvalidInput(field, "is longer than " + max + " characters");
        }
        return v;
    }
}
