package io.millflow.mail;

/** What became of a mail read from the reply mailbox. */
public enum InboundOutcome {
    /** Claimed by a node, not finished (a crash in between leaves this). */
    RECEIVED,
    /** The task was approved as the approver. */
    APPROVED,
    /** The task was rejected as the approver. */
    REJECTED,
    /** No MF- reference in subject or body. */
    NO_TOKEN,
    /** The reference's signature is wrong, or it was never issued. */
    FORGED,
    /** The reference is past its expiry. */
    EXPIRED,
    /** The reference was used already. */
    REPLAYED,
    /** Not sent from the approver's own address. */
    FOREIGN_SENDER,
    /** No APPROVE or REJECT on the first line. */
    NO_DECISION,
    /** The task has a form and is decided in the app only. */
    FORM_REQUIRED,
    /** The inbox refused the decision (task done, claimed by someone else, not the approver's role, ...). */
    REFUSED
}
