package io.millflow.procurement;

import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.procurement.SupplierViews.AddressCommand;
import io.millflow.procurement.SupplierViews.BlockCommand;
import io.millflow.procurement.SupplierViews.ContactCommand;
import io.millflow.procurement.SupplierViews.PriceCommand;
import io.millflow.procurement.SupplierViews.SupplierCommand;
import io.millflow.procurement.SupplierViews.SupplierItemCommand;
import io.millflow.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo purchasing data for the default and dev profiles: four suppliers (one blocked) with addresses and
 * contacts, supplier items with price breaks for the demo items and a preferred supplier for each, the demo user
 * {@code supplier} linked to ACME and {@code supplier2} to NORDBOLT. Runs once: nothing when ACME exists.
 */
@Component
@Profile({"default", "dev"})
@Order(30)
class DemoProcurement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProcurement.class);

    private final Suppliers suppliers;
    private final SupplierCatalogue catalogue;
    private final MasterData masterData;
    private final UserAccounts accounts;
    private final Clock clock;

    DemoProcurement(Suppliers suppliers, SupplierCatalogue catalogue, MasterData masterData, UserAccounts accounts,
            Clock clock) {
        this.suppliers = suppliers;
        this.catalogue = catalogue;
        this.masterData = masterData;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (suppliers.findByCode("ACME").isPresent()) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        try {
            var system = SecurityContextHolder.createEmptyContext();
            system.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                    List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_BUYER"))));
            SecurityContextHolder.setContext(system);
            create();
        } finally {
            SecurityContextHolder.setContext(context);
        }
    }

    private void create() {
        UUID acme = supplier("ACME", "ACME Industrial Supply GmbH", "DE129273398", "EUR", "NET30", 30, "4.50",
                new AddressCommand(AddressKind.ORDERING, "Industriestraße 12", null, "80939", "München", "Bayern", "DE"),
                new ContactCommand("Anna Berger", "Key account", "anna.berger@acme.example", "+49 89 1234-100"));
        UUID nordbolt = supplier("NORDBOLT", "Nordbolt Fasteners AB", "SE556677889901", "EUR", "2/10NET30", 30,
                "4.10", new AddressCommand(AddressKind.ORDERING, "Verkstadsgatan 4", null, "41705", "Göteborg", null, "SE"),
                new ContactCommand("Lars Nyström", "Sales", "lars@nordbolt.example", "+46 31 55 01 20"));
        UUID hydrapro = supplier("HYDRAPRO", "HydraPro Fluids Inc.", "US-84-1234567", "USD", "NET60", 60, "3.80",
                new AddressCommand(AddressKind.SHIP_FROM, "400 Harbor Drive", "Dock 7", "77002", "Houston", "TX", "US"),
                new ContactCommand("Maria Lopez", "Export desk", "export@hydrapro.example", "+1 713 555 0142"));
        UUID budget = supplier("BUDGETPARTS", "Budget Parts Ltd", "GB123456789", "GBP", "NET30", 30, "1.90",
                new AddressCommand(AddressKind.ORDERING, "12 Mill Lane", null, "M1 2AB", "Manchester", null, "GB"),
                new ContactCommand("Tom Reed", "Sales", "tom@budgetparts.example", null));

        LocalDate from = LocalDate.now(clock).minusDays(30);
        Map<String, UUID> items = new java.util.HashMap<>();
        for (String sku : List.of("BOLT-M8X40", "GLOVE-NITRILE-L", "OIL-HLP46", "SEAL-KIT-HP", "SHEET-S235-2",
                "MOTOR-7K5")) {
            masterData.items(sku, null, null, null, PageRequest.of(0, 5)).items().stream()
                    .filter(i -> i.sku().equals(sku)).map(ItemView::id).findFirst().ifPresent(id -> items.put(sku, id));
        }
        if (items.size() < 6) {
            log.info("Demo items missing ({} of 6); no demo catalogue", items.size());
        } else {
            item(acme, items.get("BOLT-M8X40"), "AC-88140", "BOX", 5, "1", "1", true, from,
                    "1", "12.50", "10", "11.00", "50", "9.80");
            // a new price list from next quarter
            catalogue.update(catalogue.ofSupplier(acme).get(0).id(), new SupplierItemCommand(items.get("BOLT-M8X40"),
                    "AC-88140", "Hex bolt M8x40 DIN 933, box of 100", "BOX", 5, BigDecimal.ONE, BigDecimal.ONE, null,
                    true, true, List.of(price("1", "12.50", from, from.plusDays(119)),
                            price("10", "11.00", from, from.plusDays(119)), price("50", "9.80", from, from.plusDays(119)),
                            price("1", "13.20", from.plusDays(120), null), price("10", "11.60", from.plusDays(120), null))));
            item(nordbolt, items.get("BOLT-M8X40"), "NB-M8-40-ZN", "PCS", 10, "500", "100", false, from,
                    "500", "0.11", "5000", "0.095");
            item(acme, items.get("GLOVE-NITRILE-L"), "AC-GL-NIT-L", "BOX", 3, "1", "1", true, from,
                    "1", "8.90", "20", "7.90");
            item(hydrapro, items.get("OIL-HLP46"), "HP-HLP46-L", "L", 14, "20", "20", true, from,
                    "20", "3.90", "200", "3.50");
            item(acme, items.get("OIL-HLP46"), "AC-OIL-46", "L", 4, "1", "1", false, from, "1", "4.20");
            item(hydrapro, items.get("SEAL-KIT-HP"), "HP-SK-300", "SET", 21, "1", "1", true, from,
                    "1", "165.00", "10", "149.00");
            item(budget, items.get("SEAL-KIT-HP"), "BP-SEAL-HP", "SET", 7, "1", "1", false, from, "1", "99.00");
            item(nordbolt, items.get("SHEET-S235-2"), "NB-S235-2", "T", 12, "1", "0.5", true, from,
                    "1", "950.00", "5", "900.00");
            item(acme, items.get("MOTOR-7K5"), "AC-SM-7K5", "PCS", 30, "1", "1", true, from,
                    "1", "1950.00", "3", "1890.00");
        }
        suppliers.block(budget, new BlockCommand("Three rejected deliveries in a row (quality)"));
        link("supplier", acme);
        link("supplier2", nordbolt);
        log.info("Demo suppliers and catalogue created");
    }

    private UUID supplier(String code, String name, String taxId, String currency, String terms, int days,
            String rating, AddressCommand address, ContactCommand contact) {
        return suppliers.create(new SupplierCommand(code, name, taxId, currency, terms, days, new BigDecimal(rating),
                contact.email(), contact.phone(), null, List.of(address), List.of(contact))).id();
    }

    private void item(UUID supplierId, UUID itemId, String sku, String unit, int leadDays, String moq, String pack,
            boolean preferred, LocalDate from, String... breaks) {
        List<PriceCommand> prices = new ArrayList<>();
        for (int i = 0; i < breaks.length; i += 2) {
            prices.add(price(breaks[i], breaks[i + 1], from, null));
        }
        catalogue.create(supplierId, new SupplierItemCommand(itemId, sku, null, unit, leadDays, new BigDecimal(moq),
                new BigDecimal(pack), null, preferred, true, prices));
    }

    private static PriceCommand price(String min, String price, LocalDate from, LocalDate to) {
        return new PriceCommand(new BigDecimal(min), new BigDecimal(price), from, to);
    }

    private void link(String username, UUID supplierId) {
        if (accounts.exists(username)) {
            accounts.linkSupplier("system", username, supplierId);
        }
    }
}
