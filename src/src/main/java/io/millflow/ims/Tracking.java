package io.millflow.ims;

/** How units of an item are told apart: not at all, by lot (batch) or one by one by serial number. */
public enum Tracking {
    NONE, LOT, SERIAL
}
