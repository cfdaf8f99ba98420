package io.millflow.pms;

/** Where a project request stands (column {@code project_request.status}). */
public enum ProjectRequestStatus {
    /** The heads of the involved departments decide. */
    IN_APPROVAL,
    /** A head rejected it; the process ended. */
    REJECTED,
    /** Every head approved; the project is (being) created and waits for its kickoff. */
    APPROVED,
    /** The manager kicked the project off; it is ACTIVE. */
    ACTIVE
}
