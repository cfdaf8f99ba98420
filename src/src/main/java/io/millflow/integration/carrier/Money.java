package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.util.Currency;

/** An amount in an ISO 4217 currency, as a carrier charges it. */
public record Money(BigDecimal amount, String currency) {

    public Money {
        if (amount == null) {
            throw new ProblemException.InvalidInput("amount", "is required");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new ProblemException.InvalidInput("currency", "must be a three-letter ISO 4217 code such as EUR");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidInput("currency", "is not a known ISO 4217 currency: " + currency);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }
}
