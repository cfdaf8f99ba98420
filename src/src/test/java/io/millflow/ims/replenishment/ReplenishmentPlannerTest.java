package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.ims.replenishment.DemandGenerator.GeneratedItem;
import io.millflow.ims.replenishment.ReplenishmentPlanner.Pair;
import io.millflow.ims.replenishment.ReplenishmentPlanner.Proposal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplenishmentPlannerTest {

    private final ReplenishmentPlanner planner = new ReplenishmentPlanner(new DemandForecaster());

    private static Pair pair(GeneratedItem item, ReorderRule rule, double position) {
        return new Pair(item.sku(), item.demand(), rule, position);
    }

    @Test
    void plansEachPairLikeAloneAndInOrder() {
        List<GeneratedItem> items = DemandGenerator.twoYears().items(30);
        List<Pair> pairs = items.stream().map(i -> pair(i, ReorderRule.forecast(0.95, i.leadTimeDays(), 14,
                i.minimumOrderQuantity(), i.packSize()), 0)).toList();

        List<Proposal> all = planner.planAll(pairs, 2);

        assertThat(all).extracting(Proposal::key)
                .containsExactlyElementsOf(items.stream().map(GeneratedItem::sku).toList());
        for (int i = 0; i < pairs.size(); i++) {
            Proposal alone = planner.plan(pairs.get(i));
            assertThat(all.get(i).levels()).isEqualTo(alone.levels());
            assertThat(all.get(i).orderQuantity()).isEqualTo(alone.orderQuantity());
            assertThat(all.get(i).forecast().method()).isEqualTo(alone.forecast().method());
        }
    }

    @Test
    void ordersWhatBringsThePositionUpToTheLevelInWholePacks() {
        GeneratedItem item = DemandGenerator.twoYears().item(0);
        ReorderRule rule = ReorderRule.forecast(0.95, item.leadTimeDays(), 14, item.minimumOrderQuantity(),
                item.packSize());

        Proposal empty = planner.plan(pair(item, rule, 0));
        Proposal full = planner.plan(pair(item, rule, empty.levels().orderUpTo()));

        assertThat(empty.orderQuantity()).isGreaterThanOrEqualTo(empty.levels().orderUpTo());
        assertThat(empty.orderQuantity() % item.packSize()).isZero();
        assertThat(empty.orderQuantity()).isLessThan(empty.levels().orderUpTo() + item.packSize()
                + item.minimumOrderQuantity());
        assertThat(full.orderQuantity()).isZero();
    }

    @Test
    void fixedRulesNeedNoForecast() {
        GeneratedItem item = DemandGenerator.twoYears().item(1);

        Proposal p = planner.plan(pair(item, ReorderRule.fixedMinMax(10, 50, 5, 0, 1), 10));

        assertThat(p.forecast()).isNull();
        assertThat(p.orderQuantity()).isEqualTo(40);
    }
}
