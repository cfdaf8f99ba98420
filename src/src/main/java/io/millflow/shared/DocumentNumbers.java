package io.millflow.shared;

import java.time.Clock;
import java.time.Year;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless yearly document numbers such as {@code PO-2026-000042}. The counter row is locked for the
 * rest of the caller's transaction, so two nodes never hand out the same number and a rolled-back
 * document gives its number back.
 */
@Service
public class DocumentNumbers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DocumentNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String prefix) {
        int year = Year.now(clock).getValue();
        jdbc.update("insert into document_sequence(prefix, year, last_value) values (?, ?, 0) "
                + "on conflict (prefix, year) do nothing", prefix, year);
        Long value = jdbc.queryForObject("update document_sequence set last_value = last_value + 1 "
                + "where prefix = ? and year = ? returning last_value", Long.class, prefix, year);
        if (value == null || value > 999_999) {
            throw new IllegalStateException("Document numbers for " + prefix + " " + year + " are exhausted");
        }
        return String.format("%s-%d-%06d", prefix, year, value);
    }
}
