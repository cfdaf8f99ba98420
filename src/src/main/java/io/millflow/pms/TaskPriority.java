package io.millflow.pms;

public enum TaskPriority { LOW, NORMAL, HIGH, URGENT }
