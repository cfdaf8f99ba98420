package io.millflow.procurement;

import io.millflow.processes.ProcessKeys;
import java.math.BigDecimal;
import java.util.Map;
import org.operaton.bpm.dmn.engine.DmnDecisionRuleResult;
import org.operaton.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The tolerances process owners keep in {@code bpmn/invoice-match-tolerance.dmn}. */
@Component
class Tolerances {

    record Match(BigDecimal pricePercent, BigDecimal quantityPercent) {
    }

    private final DecisionService decisions;

    Tolerances(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** How much more than open a line may be shipped and received, in % (decision over-delivery-tolerance). */
    BigDecimal overDeliveryPercent(String abcClass) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(
                ProcessKeys.DECISION_OVER_DELIVERY_TOLERANCE, Map.of("abcClass", abcClass == null ? "" : abcClass))
                .getSingleResult();
        return result == null ? BigDecimal.ZERO : number(result.getEntry("overDeliveryPercent"));
    }

    /** Price and quantity tolerance of a line, in % (decision invoice-match-tolerance). */
    Match match(BigDecimal orderLineAmount) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(
                ProcessKeys.DECISION_INVOICE_MATCH_TOLERANCE, Map.of("orderLineAmount", orderLineAmount.doubleValue()))
                .getSingleResult();
        if (result == null) {
            return new Match(BigDecimal.ZERO, BigDecimal.ZERO);
        }
        return new Match(number(result.getEntry("priceTolerancePercent")),
                number(result.getEntry("quantityTolerancePercent")));
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).stripTrailingZeros();
    }
}
