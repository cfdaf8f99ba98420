package io.millflow.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PriceBreaksTest {

    static final UUID ITEM = UUID.randomUUID();
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate JUL = LocalDate.of(2026, 7, 1);

    static SupplierPrice price(String min, String price, LocalDate from, LocalDate to) {
        return new SupplierPrice(ITEM, new BigDecimal(min), new BigDecimal(price), from, to);
    }

    static final List<SupplierPrice> LIST = List.of(
            price("1", "10.00", JAN, JUL.minusDays(1)),
            price("10", "9.00", JAN, JUL.minusDays(1)),
            price("100", "8.00", JAN, null),
            price("1", "11.00", JUL, null),
            price("10", "9.50", JUL, null));

    static BigDecimal pick(String quantity, LocalDate day) {
        return PriceBreaks.pick(LIST, new BigDecimal(quantity), day).map(SupplierPrice::getUnitPrice).orElse(null);
    }

    @Test
    void theLargestMinimumNotAboveTheQuantityWins() {
        LocalDate march = LocalDate.of(2026, 3, 15);
        assertThat(pick("1", march)).isEqualByComparingTo("10.00");
        assertThat(pick("9.999", march)).isEqualByComparingTo("10.00");
        assertThat(pick("10", march)).isEqualByComparingTo("9.00");
        assertThat(pick("99", march)).isEqualByComparingTo("9.00");
        assertThat(pick("100", march)).isEqualByComparingTo("8.00");
        assertThat(pick("5000", march)).isEqualByComparingTo("8.00");
    }

    @Test
    void onlyBreaksValidThatDayCountAndTheBoundsAreInclusive() {
        assertThat(pick("5", JUL.minusDays(1))).isEqualByComparingTo("10.00");
        assertThat(pick("5", JUL)).isEqualByComparingTo("11.00");
        assertThat(pick("50", JUL)).isEqualByComparingTo("9.50");
        assertThat(pick("500", JUL)).as("the open-ended 100 break still applies").isEqualByComparingTo("8.00");
        assertThat(pick("5", JAN.minusDays(1))).as("before any price list").isNull();
    }

    @Test
    void belowTheSmallestMinimumThereIsNoPrice() {
        List<SupplierPrice> moq = List.of(price("50", "2.00", JAN, null));
        assertThat(PriceBreaks.pick(moq, new BigDecimal("49"), JUL)).isEqualTo(Optional.empty());
        assertThat(PriceBreaks.pick(moq, new BigDecimal("50"), JUL)).isPresent();
    }

    @Test
    void ofTwoBreaksWithTheSameMinimumTheNewerPriceListWins() {
        List<SupplierPrice> overlapping = List.of(price("1", "5.00", JAN, null), price("1", "4.50", JUL, null));
        assertThat(PriceBreaks.pick(overlapping, BigDecimal.ONE, JUL.plusDays(3)).orElseThrow().getUnitPrice())
                .isEqualByComparingTo("4.50");
        assertThat(PriceBreaks.pick(overlapping, BigDecimal.ONE, JUL.minusDays(3)).orElseThrow().getUnitPrice())
                .isEqualByComparingTo("5.00");
    }
}
