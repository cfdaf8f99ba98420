package io.millflow.ims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.shared.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MovementTypeTest {

    @ParameterizedTest
    @CsvSource({"101,102", "122,123", "201,202", "221,222", "261,262", "311,312", "501,502", "551,552", "561,562", "701,702",
            "702,701"})
    void everyTypeHasItsReversal(String type, String reversal) {
        assertThat(MovementType.of(type).reversal().code()).isEqualTo(reversal);
    }

    @ParameterizedTest
    @CsvSource({"102", "123", "202", "222", "262", "312", "502", "552", "562"})
    void aReversalIsNotReversedAgain(String type) {
        assertThatThrownBy(() -> MovementType.of(type).reversal()).isInstanceOf(ProblemException.Conflict.class);
    }

    @Test
    void directionsAreConsistent() {
        for (MovementType t : MovementType.values()) {
            assertThat(t.isInbound() && t.isOutbound()).as(t.code()).isFalse();
            if (t != MovementType.TRANSFER && t != MovementType.TRANSFER_REVERSAL) {
                assertThat(t.isInbound() || t.isOutbound()).as(t.code()).isTrue();
                MovementType r = t == MovementType.COUNT_GAIN || t == MovementType.COUNT_LOSS || !t.isReversal()
                        ? t.reversal() : null;
                if (r != null) {
                    assertThat(r.isInbound()).as(t.code() + " reversed").isEqualTo(t.isOutbound());
                    assertThat(r.virtualFrom()).isEqualTo(t.virtualTo());
                }
            }
        }
        assertThatThrownBy(() -> MovementType.of("999")).isInstanceOf(ProblemException.InvalidInput.class);
    }

    @Test
    void uuidsAreLockedInTheDatabaseOrder() {
        UUID low = UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff");
        UUID high = UUID.fromString("80000000-0000-0000-0000-000000000000");
        assertThat(low.compareTo(high)).isPositive(); // Java compares signed
        assertThat(StockLedger.compareAsDatabase(low, high)).isNegative(); // PostgreSQL compares bytes
        UUID a = UUID.fromString("00000000-0000-0000-0000-0000000000ff");
        UUID b = UUID.fromString("00000000-0000-0000-8000-000000000000");
        assertThat(StockLedger.compareAsDatabase(a, b)).isNegative();
    }
}
