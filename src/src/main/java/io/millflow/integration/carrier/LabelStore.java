package io.millflow.integration.carrier;

/** Keeps shipping labels (PDF) outside the database; shipments keep the {@link LabelRef}. */
public interface LabelStore {

    /**
     * Stores a label.
     *
     * @throws CarrierProblems.InvalidLabel when the bytes are not a PDF document
     */
    LabelRef store(String carrier, String trackingNumber, byte[] pdf);

    /**
     * The label's bytes.
     *
     * @throws io.millflow.shared.ProblemException.NotFound when there is no such label
     */
    byte[] read(LabelRef ref);
}
