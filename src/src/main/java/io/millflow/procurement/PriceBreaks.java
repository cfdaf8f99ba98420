package io.millflow.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks the price break for a quantity on a day: among the breaks valid that day, the one with the largest
 * minimum quantity not above the quantity; of two with the same minimum, the one valid from later (a newer
 * price list overrides an open-ended older one).
 */
final class PriceBreaks {

    private PriceBreaks() {
    }

    static Optional<SupplierPrice> pick(Collection<SupplierPrice> prices, BigDecimal quantity, LocalDate day) {
        return prices.stream()
                .filter(p -> p.validOn(day))
                .filter(p -> p.getMinQuantity().compareTo(quantity) <= 0)
                .max(Comparator.comparing(SupplierPrice::getMinQuantity).thenComparing(SupplierPrice::getValidFrom));
    }
}
