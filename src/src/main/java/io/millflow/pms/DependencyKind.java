package io.millflow.pms;

/** FS: the successor starts after the predecessor finishes (plus lag); SS: starts no earlier than the predecessor starts (plus lag). */
public enum DependencyKind { FS, SS }
