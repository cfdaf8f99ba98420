package io.millflow.ims;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.processes.ProcessKeys;
import java.io.InputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnEngine;

/**
 * The auto-approval decision as {@link ReplenishmentRuns} evaluates it: the model parsed by its DMN engine (no
 * history, the Java FEEL engine for unary tests), one evaluation per proposal; same answers as the process test's
 * evaluation through the engine's DecisionService (StockReplenishmentProcessTest), and fast enough for 100,000.
 */
class AutoApprovalDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = ReplenishmentRuns.decisionEngine();
        try (InputStream in = AutoApprovalDecisionTest.class.getResourceAsStream("/bpmn/replenishment-auto-approval.dmn")) {
            decision = dmn.parseDecision(ProcessKeys.DECISION_REPLENISHMENT_AUTO_APPROVAL, in);
        }
    }

    private static String decide(String value, String abcClass) {
        return ReplenishmentRuns.decide(dmn, decision, value == null ? null : new BigDecimal(value), abcClass);
    }

    @ParameterizedTest
    @CsvSource({"499.99, A, AUTO", "500.00, A, REVIEW", "1999.99, B, AUTO", "2000.00, C, REVIEW", "0.50, C, AUTO"})
    void smallProposalsAreOrderedAtOnce(String value, String abcClass, String expected) {
        assertThat(decide(value, abcClass)).isEqualTo(expected);
    }

    @Test
    void aProposalWithoutPriceIsReviewed() {
        assertThat(decide(null, "C")).isEqualTo("REVIEW");
    }

    @Test
    void aHundredThousandEvaluationsTakeSeconds() {
        long t0 = System.nanoTime();
        int auto = 0;
        int expected = 0;
        for (int i = 0; i < 100_000; i++) {
            boolean classA = i % 2 == 0;
            int value = i % 3000;
            auto += "AUTO".equals(decide(String.valueOf(value), classA ? "A" : "C")) ? 1 : 0;
            expected += value < (classA ? 500 : 2000) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("100,000 evaluations of %s: %.1f s%n", ProcessKeys.DECISION_REPLENISHMENT_AUTO_APPROVAL,
                seconds);
        assertThat(auto).isEqualTo(expected);
        assertThat(seconds).isLessThan(10);
    }
}
