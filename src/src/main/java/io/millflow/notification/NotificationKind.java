package io.millflow.notification;

public enum NotificationKind { APPROVAL_NEEDED, TASK_ASSIGNED, TASK_OVERDUE, PURCHASE_ORDER_SENT,
                               MILESTONE_MOVED, WEBHOOK_FAILED }   // C may add more; A must handle unknown kinds generically
