package io.millflow.integration.carrier;

import java.util.Arrays;
import java.util.Objects;

/**
 * One booked package: its tracking number and its label as PDF bytes, or null when the carrier prints none.
 */
public record PackageLabel(String trackingNumber, byte[] labelPdf) {

    public boolean hasLabel() {
        return labelPdf != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageLabel other && trackingNumber.equals(other.trackingNumber)
                && Arrays.equals(labelPdf, other.labelPdf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trackingNumber, Arrays.hashCode(labelPdf));
    }

    @Override
    public String toString() {
        return "PackageLabel[" + trackingNumber + ", " + (labelPdf == null ? "no label" : labelPdf.length + " bytes")
                + "]";
    }
}
