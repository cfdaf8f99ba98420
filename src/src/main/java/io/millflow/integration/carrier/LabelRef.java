package io.millflow.integration.carrier;

/** Where a stored label is, as a {@link LabelStore} understands it; shipment rows keep only this. */
public record LabelRef(String value) {
}
