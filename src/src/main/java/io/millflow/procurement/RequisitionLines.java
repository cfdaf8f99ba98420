package io.millflow.procurement;

import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.MasterDataViews.UnitView;
import io.millflow.procurement.ProcurementProblems.SupplierBlocked;
import io.millflow.procurement.SupplierViews.PriceQuote;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns what a requisition asks for into priced lines: catalogue lines take supplier, order unit, price and
 * currency from the supplier catalogue (price break for the quantity on the needed-by day); free-text lines
 * take what was typed. Refuses (nothing is written yet) unknown items, suppliers that do not sell the item,
 * quantities below the minimum order quantity or off the pack size, and blocked suppliers (422).
 */
@Component
class RequisitionLines {

    static final String DEFAULT_UNIT = "PCS";

    /** A resolved line; the amount is in the line's currency. */
    record Draft(UUID itemId, UUID supplierItemId, UUID supplierId, String description, BigDecimal quantity,
            String unit, BigDecimal unitPrice, String currency, BigDecimal lineAmount, LocalDate neededBy) {
    }

    private final SupplierCatalogue catalogue;
    private final Suppliers suppliers;
    private final MasterData masterData;
    private final ExchangeRates rates;

    RequisitionLines(SupplierCatalogue catalogue, Suppliers suppliers, MasterData masterData, ExchangeRates rates) {
        this.catalogue = catalogue;
        this.suppliers = suppliers;
        this.masterData = masterData;
        this.rates = rates;
    }

    List<Draft> resolve(NewRequisition cmd) {
        if (!cmd.hasLines()) {
            return List.of(single(cmd));
        }
        for (String header : List.of("itemDescription", "quantity", "unitPrice")) {
            Object value = switch (header) {
                case "itemDescription" -> cmd.itemDescription();
                case "quantity" -> cmd.quantity();
                default -> cmd.unitPrice();
            };
            if (value != null) {
                throw new ProblemException.InvalidInput(header, "must be empty when the requisition has lines");
            }
        }
        if (cmd.currency() != null) {
            rates.rateToEur(cmd.currency(), "currency");
        }
        Set<String> units = null;
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            NewRequisitionLine line = cmd.lines().get(i);
            String f = "lines[" + i + "].";
            LocalDate neededBy = line.neededBy() == null ? cmd.neededBy() : line.neededBy();
            if (line.itemId() != null) {
                drafts.add(catalogueLine(f, line, neededBy));
            } else {
                if (units == null) {
                    units = masterData.units().stream().map(UnitView::code).collect(Collectors.toSet());
                }
                drafts.add(freeText(f, line, neededBy, cmd.currency(), units));
            }
        }
        return drafts;
    }

    private Draft single(NewRequisition cmd) {
        if (cmd.itemDescription() == null || cmd.itemDescription().isBlank()) {
            throw new ProblemException.InvalidInput("itemDescription", "must not be blank");
        }
        if (cmd.quantity() == null) {
            throw new ProblemException.InvalidInput("quantity", "must not be null");
        }
        if (cmd.unitPrice() == null) {
            throw new ProblemException.InvalidInput("unitPrice", "must not be null");
        }
        if (cmd.currency() == null) {
            throw new ProblemException.InvalidInput("currency", "must not be blank");
        }
        rates.rateToEur(cmd.currency(), "currency");
        return new Draft(null, null, null, cmd.itemDescription().strip(), cmd.quantity(), DEFAULT_UNIT,
                cmd.unitPrice(), cmd.currency(), amount(cmd.quantity(), cmd.unitPrice()), cmd.neededBy());
    }

    private Draft catalogueLine(String f, NewRequisitionLine line, LocalDate neededBy) {
        if (line.unitPrice() != null) {
            throw new ProblemException.InvalidInput(f + "unitPrice",
                    "must be empty on a catalogue line: the price comes from the supplier catalogue");
        }
        if (line.currency() != null) {
            throw new ProblemException.InvalidInput(f + "currency",
                    "must be empty on a catalogue line: the currency is the supplier's");
        }
        ItemView item;
        try {
            item = masterData.item(line.itemId());
        } catch (ProblemException.NotFound e) {
            throw new ProblemException.InvalidInput(f + "itemId", "is not a known item: " + line.itemId());
        }
        if (!item.active()) {
            throw new ProblemException.InvalidInput(f + "itemId", "is an inactive item: " + item.sku());
        }
        SupplierItem si;
        String siField;
        if (line.supplierItemId() != null) {
            siField = f + "supplierItemId";
            si = catalogue.ofId(line.supplierItemId()).orElseThrow(() -> new ProblemException.InvalidInput(
                    f + "supplierItemId", "is not a known supplier item: " + line.supplierItemId()));
            if (!si.getItemId().equals(item.id())) {
                throw new ProblemException.InvalidInput(f + "supplierItemId", "is not for item " + item.sku());
            }
            if (line.supplierId() != null && !line.supplierId().equals(si.getSupplierId())) {
                throw new ProblemException.InvalidInput(f + "supplierId", "is not the supplier of the supplier item");
            }
        } else if (line.supplierId() != null) {
            siField = f + "supplierId";
            si = catalogue.ofSupplierAndItem(line.supplierId(), item.id()).orElseThrow(
                    () -> new ProblemException.InvalidInput(f + "supplierId", "does not sell item " + item.sku()));
        } else {
            siField = f + "itemId";
            si = catalogue.preferredOf(item.id()).orElseThrow(() -> new ProblemException.InvalidInput(f + "itemId",
                    "item " + item.sku() + " has no preferred supplier; name supplierItemId or supplierId"));
        }
        if (!si.isActive()) {
            throw new ProblemException.InvalidInput(siField, "the supplier no longer sells " + item.sku()
                    + " (inactive supplier item " + si.getSupplierSku() + ")");
        }
        Supplier supplier = suppliers.find(si.getSupplierId());
        if (supplier.isBlocked()) {
            throw SupplierBlocked.inRequest(siField, supplier);
        }
        if (line.unit() != null && !line.unit().equals(si.getOrderUnit())) {
            throw new ProblemException.InvalidInput(f + "unit", "must be " + si.getOrderUnit()
                    + ", the order unit of " + supplier.getCode() + " for " + item.sku());
        }
        checkTerms(f + "quantity", si, line.quantity());
        PriceQuote quote = catalogue.quote(si, line.quantity(), neededBy, f + "quantity");
        String description = line.description() != null && !line.description().isBlank() ? line.description().strip()
                : item.sku() + " " + item.name();
        return new Draft(item.id(), si.getId(), supplier.getId(), description, line.quantity(), si.getOrderUnit(),
                quote.unitPrice(), quote.currency(), quote.amount(), neededBy);
    }

    /** Refuses a quantity below the minimum order quantity or not a multiple of the pack size (order unit). */
    static void checkTerms(String field, SupplierItem si, BigDecimal quantity) {
        if (quantity.compareTo(si.getMinimumOrderQuantity()) < 0) {
            throw new ProblemException.InvalidInput(field, "is below the minimum order quantity of "
                    + si.getMinimumOrderQuantity().stripTrailingZeros().toPlainString() + " " + si.getOrderUnit());
        }
        if (quantity.remainder(si.getPackSize()).signum() != 0) {
            throw new ProblemException.InvalidInput(field, "must be a multiple of the pack size of "
                    + si.getPackSize().stripTrailingZeros().toPlainString() + " " + si.getOrderUnit());
        }
    }

    private Draft freeText(String f, NewRequisitionLine line, LocalDate neededBy, String requisitionCurrency,
            Set<String> units) {
        if (line.supplierItemId() != null) {
            throw new ProblemException.InvalidInput(f + "supplierItemId", "needs itemId (a catalogue line)");
        }
        if (line.description() == null || line.description().isBlank()) {
            throw new ProblemException.InvalidInput(f + "description", "must not be blank on a free-text line");
        }
        if (line.unitPrice() == null) {
            throw new ProblemException.InvalidInput(f + "unitPrice", "must not be null on a free-text line");
        }
        String currency = line.currency() != null ? line.currency() : requisitionCurrency;
        if (currency == null) {
            throw new ProblemException.InvalidInput(f + "currency", "must not be blank on a free-text line");
        }
        rates.rateToEur(currency, line.currency() != null ? f + "currency" : "currency");
        String unit = line.unit() == null || line.unit().isBlank() ? DEFAULT_UNIT : line.unit();
        if (!units.contains(unit)) {
            throw new ProblemException.InvalidInput(f + "unit", "is not a known unit: " + unit);
        }
        if (line.supplierId() != null) {
            Supplier supplier;
            try {
                supplier = suppliers.find(line.supplierId());
            } catch (ProblemException.NotFound e) {
                throw new ProblemException.InvalidInput(f + "supplierId", "is not a known supplier");
            }
            if (supplier.isBlocked()) {
                throw SupplierBlocked.inRequest(f + "supplierId", supplier);
            }
        }
        return new Draft(null, null, line.supplierId(), line.description().strip(), line.quantity(), unit,
                line.unitPrice(), currency, amount(line.quantity(), line.unitPrice()), neededBy);
    }

    static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code amount} in {@code from} converted to {@code to} through the EUR rates, to {@code scale} decimals. */
    BigDecimal convert(BigDecimal amount, String from, String to, int scale) {
        if (from.equals(to)) {
            return amount.setScale(scale, RoundingMode.HALF_UP);
        }
        BigDecimal eur = amount.multiply(rates.rateToEur(from, "currency"));
        return eur.divide(rates.rateToEur(to, "currency"), scale, RoundingMode.HALF_UP);
    }

    /** The sum of the drafts' amounts in {@code currency}. */
    BigDecimal total(List<Draft> drafts, String currency) {
        Map<String, BigDecimal> perCurrency = new HashMap<>();
        drafts.forEach(d -> perCurrency.merge(d.currency(), d.lineAmount(), BigDecimal::add));
        return perCurrency.entrySet().stream().map(e -> convert(e.getValue(), e.getKey(), currency, 2))
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
