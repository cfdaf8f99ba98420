package io.millflow.procurement;

import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.replenishment.SupplyTerms;
import io.millflow.procurement.SupplierViews.PriceQuote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SupplyTerms} from the supplier catalogue: the preferred supplier item of each item, with minimum order
 * quantity and pack size converted from the order unit to the item's base unit (the item's unit factor), and the
 * price per base unit for the minimum order quantity (or one pack when there is none) today. Items whose
 * preferred supplier is blocked, whose preferred supplier item is inactive or has no price today are left out
 * (replenishment then uses the reorder rule's own values).
 */
@Service
class CatalogueSupplyTerms implements SupplyTerms {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSupplyTerms.class);

    private final SupplierCatalogue catalogue;
    private final Suppliers suppliers;
    private final MasterData masterData;
    private final Clock clock;

    CatalogueSupplyTerms(SupplierCatalogue catalogue, Suppliers suppliers, MasterData masterData, Clock clock) {
        this.catalogue = catalogue;
        this.suppliers = suppliers;
        this.masterData = masterData;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Terms> preferred(Collection<UUID> itemIds) {
        List<SupplierItem> preferred = catalogue.preferredOf(itemIds.stream().distinct().toList());
        Map<UUID, Terms> terms = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (SupplierItem si : preferred) {
            Supplier supplier = suppliers.find(si.getSupplierId());
            if (supplier.isBlocked() || !si.isActive()) {
                continue;
            }
            ItemView item = AsSystem.ifAnonymous(() -> masterData.item(si.getItemId()));
            BigDecimal factor = factor(item, si.getOrderUnit());
            if (factor == null) {
                log.warn("Supplier item {} of {} orders in {}, which item {} cannot convert", si.getSupplierSku(),
                        supplier.getCode(), si.getOrderUnit(), item.sku());
                continue;
            }
            BigDecimal quoteQuantity = si.getMinimumOrderQuantity().signum() > 0 ? si.getMinimumOrderQuantity()
                    : si.getPackSize();
            PriceQuote quote;
            try {
                quote = catalogue.quote(si, quoteQuantity, today, "itemId");
            } catch (ProcurementProblems.NoPrice e) {
                log.info("No price today for {} of {}: no supply terms", si.getSupplierSku(), supplier.getCode());
                continue;
            }
            terms.put(si.getItemId(), new Terms(supplier.getId(), supplier.getName(), si.getLeadTimeDays(),
                    si.getMinimumOrderQuantity().multiply(factor).stripTrailingZeros(),
                    si.getPackSize().multiply(factor).stripTrailingZeros(),
                    quote.unitPrice().divide(factor, 6, RoundingMode.HALF_UP).stripTrailingZeros(),
                    quote.currency()));
        }
        return terms;
    }

    /** Base units per one {@code unit} of the item; null when the item does not know the unit. */
    static BigDecimal factor(ItemView item, String unit) {
        if (unit.equals(item.baseUnit())) {
            return BigDecimal.ONE;
        }
        return item.alternativeUnits().get(unit);
    }
}
