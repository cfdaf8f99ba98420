package io.millflow.pms.resources;

/** Who may do what in resources (SpEL for {@code @PreAuthorize}). */
final class ResourceRoles {

    /** Every role inside the firm. */
    static final String INTERNAL = "hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE',"
            + "'PROCESS_OWNER','ADMIN')";
    /** Keeps teams, people and calendars. */
    static final String ADMIN = "hasRole('ADMIN')";
    /** Reads people (with their rates), allocations and the capacity heatmap. */
    static final String PLANNERS = "hasAnyRole('MANAGER','DEPARTMENT_HEAD','ADMIN')";
    /** Allocates people to projects. */
    static final String ALLOCATORS = "hasAnyRole('MANAGER','ADMIN')";

    private ResourceRoles() {
    }
}
