package io.millflow.processes;

import java.util.List;

/**
 * The application roles. They are the candidate groups of user tasks, the values of the JWT claim
 * {@code roles}, and Spring Security authorities (prefixed {@code ROLE_}).
 */
public final class Roles {

    public static final String EMPLOYEE = "EMPLOYEE";
    public static final String MANAGER = "MANAGER";
    public static final String DEPARTMENT_HEAD = "DEPARTMENT_HEAD";
    public static final String FINANCE = "FINANCE";
    public static final String BUYER = "BUYER";
    public static final String WAREHOUSE = "WAREHOUSE";
    public static final String PROCESS_OWNER = "PROCESS_OWNER";
    public static final String SUPPLIER = "SUPPLIER";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(EMPLOYEE, MANAGER, DEPARTMENT_HEAD, FINANCE, BUYER, WAREHOUSE,
            PROCESS_OWNER, SUPPLIER, ADMIN);

    /** Roles of people inside the firm (everyone but suppliers). */
    public static final List<String> INTERNAL = List.of(EMPLOYEE, MANAGER, DEPARTMENT_HEAD, FINANCE, BUYER, WAREHOUSE,
            PROCESS_OWNER, ADMIN);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
