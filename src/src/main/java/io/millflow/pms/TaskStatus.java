package io.millflow.pms;

/** Column of a task on the board. */
public enum TaskStatus { TODO, IN_PROGRESS, IN_REVIEW, DONE, CANCELLED }
