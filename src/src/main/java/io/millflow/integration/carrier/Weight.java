package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;
import java.math.BigDecimal;

/** Gross weight of a parcel. */
public record Weight(BigDecimal value, Unit unit) {

    public enum Unit { KG, LB }

    public Weight {
        if (value == null || value.signum() <= 0) {
            throw new ProblemException.InvalidInput("weight", "must be greater than zero");
        }
        if (unit == null) {
            throw new ProblemException.InvalidInput("weight.unit", "is required");
        }
    }

    public static Weight kg(String value) {
        return new Weight(new BigDecimal(value), Unit.KG);
    }
}
