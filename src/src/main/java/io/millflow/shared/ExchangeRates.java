package io.millflow.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Converts amounts to EUR with the newest rate of the {@code exchange_rate} table. */
@Service
public class ExchangeRates {

    private final JdbcTemplate jdbc;

    public ExchangeRates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * EUR per one unit of {@code currencyCode}.
     *
     * @throws ProblemException.InvalidInput naming {@code field} when the code is not ISO 4217 or has no rate
     */
    @Transactional(readOnly = true)
    public BigDecimal rateToEur(String currencyCode, String field) {
        if (currencyCode == null || !currencyCode.matches("[A-Z]{3}")) {
            throw new ProblemException.InvalidInput(field, "must be a three-letter ISO 4217 code such as EUR");
        }
        try {
            Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidInput(field, "is not a known ISO 4217 currency: " + currencyCode);
        }
        List<BigDecimal> rates = jdbc.queryForList("select rate_to_eur from exchange_rate where currency = ? "
                + "and valid_from <= current_date order by valid_from desc limit 1", BigDecimal.class, currencyCode);
        if (rates.isEmpty()) {
            throw new ProblemException.InvalidInput(field, "has no exchange rate to EUR: " + currencyCode);
        }
        return rates.get(0);
    }

    /** Currencies that have a rate, for choosers. */
    @Transactional(readOnly = true)
    public List<String> currencies() {
        return jdbc.queryForList("select distinct currency from exchange_rate where valid_from <= current_date "
                + "order by currency", String.class);
    }

    public BigDecimal toEur(BigDecimal amount, String currencyCode, String field) {
        return amount.multiply(rateToEur(currencyCode, field)).setScale(2, RoundingMode.HALF_UP);
    }
}
