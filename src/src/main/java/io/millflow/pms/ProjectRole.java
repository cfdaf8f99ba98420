package io.millflow.pms;

/** A person's role inside one project: MANAGER and MEMBER change tasks, VIEWER only reads. */
public enum ProjectRole { MANAGER, MEMBER, VIEWER }
