package io.millflow.pms;

/** Life cycle of a project. */
public enum ProjectStatus { PROPOSED, ACTIVE, ON_HOLD, CLOSED }
