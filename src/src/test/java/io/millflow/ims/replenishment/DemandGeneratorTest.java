package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.ims.replenishment.DemandGenerator.GeneratedItem;
import io.millflow.ims.replenishment.DemandGenerator.Pattern;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemandGeneratorTest {

    private final List<GeneratedItem> items = DemandGenerator.twoYears().items(200);

    @Test
    void theSameSeedGivesTheSameDataItemByItem() {
        DemandGenerator other = new DemandGenerator(DemandGenerator.DEFAULT_SEED, 730);
        for (int i : new int[] {0, 57, 199}) {
            assertThat(other.item(i).demand().toArray()).isEqualTo(items.get(i).demand().toArray());
            assertThat(other.item(i).leadTimeDays()).isEqualTo(items.get(i).leadTimeDays());
        }
        assertThat(new DemandGenerator(6, 730).item(0).demand().toArray())
                .isNotEqualTo(items.get(0).demand().toArray());
    }

    @Test
    void twoHundredItemsOfTwoYearsMixFivePatterns() {
        Map<Pattern, Integer> count = new EnumMap<>(Pattern.class);
        items.forEach(i -> count.merge(i.pattern(), 1, Integer::sum));

        assertThat(count).containsOnlyKeys(Pattern.values()).allSatisfy((p, c) -> assertThat(c).isEqualTo(40));
        assertThat(items).allSatisfy(i -> {
            assertThat(i.demand().length()).isEqualTo(730);
            assertThat(i.demand().total()).isPositive();
            assertThat(i.leadTimeDays()).isIn(3, 5, 7, 10, 14, 21);
            double packs = i.minimumOrderQuantity() / i.packSize();
            assertThat(packs).isEqualTo(Math.rint(packs));
            assertThat(i.minimumOrderQuantity()).isGreaterThanOrEqualTo(i.packSize());
        });
    }

    @Test
    void thePlantIsClosedAtWeekends() {
        for (GeneratedItem item : items) {
            for (int t = 0; t < 730; t++) {
                DayOfWeek day = item.demand().dateOf(t).getDayOfWeek();
                if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                    assertThat(item.demand().get(t)).isZero();
                }
            }
        }
    }

    @Test
    void thePatternsLookLikeTheirNames() {
        for (GeneratedItem item : items) {
            DemandClass c = DemandClassification.of(item.demand()).demandClass();
            switch (item.pattern()) {
                case SMOOTH, SEASONAL, TRENDING ->
                    assertThat(c).as(item.sku()).isIn(DemandClass.SMOOTH, DemandClass.ERRATIC);
                case INTERMITTENT -> assertThat(c).as(item.sku()).isEqualTo(DemandClass.INTERMITTENT);
                case LUMPY -> assertThat(c.isSporadic()).as(item.sku()).isTrue();
                default -> throw new IllegalStateException();
            }
        }
        assertThat(items.stream().filter(i -> i.pattern() == Pattern.LUMPY)
                .map(i -> DemandClassification.of(i.demand()).demandClass()))
                .filteredOn(c -> c == DemandClass.LUMPY).hasSizeGreaterThan(30);
    }

    @Test
    void seasonalItemsSwingOverTheYearAndTrendingOnesMove() {
        for (GeneratedItem item : items) {
            double[] quarters = new double[8];
            for (int t = 0; t < 728; t++) {
                quarters[t / 91] += item.demand().get(t);
            }
            double max = 0;
            double min = Double.MAX_VALUE;
            for (double q : quarters) {
                max = Math.max(max, q);
                min = Math.min(min, q);
            }
            if (item.pattern() == Pattern.SEASONAL) {
                assertThat(max / min).as(item.sku()).isGreaterThan(1.4);
            }
            if (item.pattern() == Pattern.TRENDING) {
                double change = quarters[7] / quarters[0];
                assertThat(change > 1.35 || change < 0.8).as(item.sku() + " changed by " + change).isTrue();
            }
        }
    }
}
