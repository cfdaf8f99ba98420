package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;

/** Outer size of a parcel in whole units, as carriers rate it (round up before). */
public record Dimensions(int length, int width, int height, Unit unit) {

    public enum Unit { CM, IN }

    public Dimensions {
        if (length <= 0 || width <= 0 || height <= 0) {
            throw new ProblemException.InvalidInput("dimensions", "length, width and height must be greater than zero");
        }
        if (unit == null) {
            throw new ProblemException.InvalidInput("dimensions.unit", "is required");
        }
    }

    public static Dimensions cm(int length, int width, int height) {
        return new Dimensions(length, width, height, Unit.CM);
    }
}
