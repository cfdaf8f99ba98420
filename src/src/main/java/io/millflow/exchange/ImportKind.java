package io.millflow.exchange;

import static io.millflow.exchange.ImportColumn.optional;
import static io.millflow.exchange.ImportColumn.required;

import io.millflow.shared.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What can be imported, with the documented columns and the roles that may import it (the roles of the service
 * that writes it: items and locations ADMIN ({@code MasterData}), suppliers and supplier prices BUYER and ADMIN
 * ({@code Suppliers}, {@code SupplierCatalogue}), opening stock WAREHOUSE ({@code StockPostings}), projects
 * MANAGER and ADMIN ({@code Projects})).
 */
public enum ImportKind {
    ITEMS("items", "Items", Set.of("ADMIN"), List.of(
            required("sku", "sku", "BOLT-M8-40", "Stock-keeping unit: letters, digits and . _ / -", "artikelnummer", "artikel"),
            required("name", "name", "Hex bolt M8x40", "Name (at most 200 characters)", "bezeichnung"),
            optional("description", "description", "DIN 933, zinc plated", "Description", "beschreibung"),
            optional("category", "category", "Fasteners", "Category", "kategorie", "warengruppe"),
            required("base_unit", "baseUnit", "PCS", "Base unit: a known unit of measure code", "basiseinheit", "einheit"),
            optional("tracking", "tracking", "NONE", "NONE (default), LOT or SERIAL", "verfolgung", "nachverfolgung"),
            optional("shelf_life_days", "shelfLifeDays", "", "Shelf life in days (lot-tracked items only)", "haltbarkeit_tage", "haltbarkeit"),
            optional("abc_class", "abcClass", "C", "A, B or C (default C)", "abc_klasse", "abc"),
            optional("active", "active", "true", "true (default) or false", "aktiv"),
            optional("alternative_units", "alternativeUnits", "BOX=100", "Other units with their factor to the base unit, "
                    + "separated by | (e.g. BOX=100|PAL=4800)", "alternative_einheiten", "einheiten"))),
    LOCATIONS("locations", "Locations (bins)", Set.of("ADMIN"), List.of(
            required("warehouse", "warehouseId", "WH-MAIN", "Code of an existing warehouse", "lager", "lagerort"),
            required("code", "code", "A-01-03", "Location code, unique in the warehouse (capital letters, digits, -)", "lagerplatz", "platz"),
            required("name", "name", "Aisle A, rack 1, level 3", "Name", "bezeichnung"),
            optional("type", "type", "STORAGE", "STORAGE (default), VIEW, RECEIVING, SHIPPING, QUALITY_HOLD or SCRAP", "typ", "art"),
            optional("parent", "parentId", "", "Code of a VIEW location (zone, aisle) of the same warehouse, existing "
                    + "or on an earlier row", "uebergeordnet", "eltern"),
            optional("active", "active", "true", "true (default) or false", "aktiv"))),
    SUPPLIERS("suppliers", "Suppliers", Set.of("BUYER", "ADMIN"), List.of(
            required("code", "code", "ACME", "Supplier code: 2-20 capital letters, digits or -", "lieferantennummer", "lieferant"),
            required("name", "name", "ACME Industrial Supplies", "Name", "firma", "bezeichnung"),
            optional("tax_id", "taxId", "DE123456789", "VAT or tax id", "ust_id", "steuernummer"),
            required("currency", "currency", "EUR", "ISO 4217 currency code", "waehrung"),
            required("payment_terms", "paymentTerms", "NET30", "Payment terms code", "zahlungsbedingungen"),
            required("payment_days", "paymentDays", "30", "Days to pay (0-365)", "zahlungsziel_tage", "zahlungsziel"),
            optional("rating", "rating", "4.5", "Rating 0-5", "bewertung"),
            optional("email", "email", "orders@acme.example", "Order e-mail address", "e_mail"),
            optional("phone", "phone", "+49 30 1234567", "Phone", "telefon"),
            optional("notes", "notes", "", "Notes", "notizen", "bemerkung"),
            optional("street", "addresses", "Industriestr. 1", "Ordering address: street (with postal code, city, country)", "strasse", "adresse"),
            optional("postal_code", "addresses", "10115", "Ordering address: postal code", "plz", "postleitzahl"),
            optional("city", "addresses", "Berlin", "Ordering address: city", "ort", "stadt"),
            optional("country", "addresses", "DE", "Ordering address: ISO 3166 country code", "land"))),
    SUPPLIER_PRICES("supplier-prices", "Supplier prices", Set.of("BUYER", "ADMIN"), List.of(
            required("supplier", "supplierId", "ACME", "Code of an existing supplier", "lieferant", "lieferantennummer"),
            required("item", "itemId", "BOLT-M8-40", "SKU of an existing item", "artikel", "artikelnummer", "sku"),
            required("supplier_sku", "supplierSku", "AC-933-840", "The supplier's article number", "lieferanten_artikelnummer", "bestellnummer"),
            optional("supplier_description", "supplierDescription", "", "The supplier's description", "lieferanten_bezeichnung"),
            optional("order_unit", "orderUnit", "PCS", "Order unit: the item's base unit (default) or an alternative unit", "bestelleinheit"),
            required("lead_time_days", "leadTimeDays", "5", "Lead time in days (0-730)", "lieferzeit_tage", "lieferzeit"),
            optional("minimum_order_quantity", "minimumOrderQuantity", "0", "Minimum order quantity (default 0)", "mindestmenge"),
            optional("pack_size", "packSize", "1", "Pack size (default 1)", "packungsgroesse", "verpackungseinheit"),
            optional("currency", "currency", "EUR", "Currency (default: the supplier's)", "waehrung"),
            optional("preferred", "preferred", "false", "true makes this the item's preferred supplier", "bevorzugt"),
            optional("min_quantity", "minQuantity", "0", "Price break: from this quantity (default 0); one row per break", "ab_menge", "staffel"),
            required("unit_price", "unitPrice", "0.12", "Price per order unit", "preis", "stueckpreis"),
            optional("valid_from", "validFrom", "2027-01-01", "First day of the price (default today)", "gueltig_ab"),
            optional("valid_to", "validTo", "", "Last day of the price", "gueltig_bis"))),
    OPENING_STOCK("opening-stock", "Opening stock", Set.of("WAREHOUSE"), List.of(
            required("item", "itemId", "BOLT-M8-40", "SKU of an existing, active item", "artikel", "artikelnummer", "sku"),
            required("warehouse", "toLocationId", "WH-MAIN", "Warehouse code", "lager"),
            required("location", "toLocationId", "A-01-03", "Location code in that warehouse (a bin that holds stock)", "lagerplatz", "platz"),
            required("quantity", "quantity", "250", "Quantity on hand (> 0)", "menge", "bestand"),
            optional("unit", "unit", "", "Unit of the quantity (default the item's base unit)", "einheit"),
            optional("lot", "lot", "", "Lot number (lot-tracked items)", "charge", "los"),
            optional("lot_expiry", "lotExpiry", "", "Expiry date of the lot", "verfallsdatum", "mhd"),
            optional("serials", "serials", "", "Serial numbers separated by | (serial-tracked items, one per unit)", "seriennummern"),
            optional("unit_cost", "unitCost", "0.10", "Value per base unit (default: the moving average, else 0)", "stueckwert", "einstandspreis"))),
    PROJECTS("projects", "Projects", Set.of("MANAGER", "ADMIN"), List.of(
            required("code", "code", "P-2027-001", "Project code: capital letters, digits, _ and - (at most 20)", "projektnummer", "projekt"),
            required("name", "name", "New press line", "Name", "bezeichnung"),
            optional("description", "description", "", "Description", "beschreibung"),
            required("department", "departmentId", "ENG", "Code of an existing department", "abteilung"),
            required("manager", "manager", "manager", "User name of the project manager", "projektleiter", "leiter"),
            required("start_date", "startDate", "2027-01-04", "Start date", "start", "beginn"),
            required("end_date", "endDate", "2027-06-30", "End date", "ende"),
            optional("budget", "budget", "50000", "Budget (default 0)", "budget_eur"),
            optional("currency", "currency", "EUR", "Currency (default EUR)", "waehrung"),
            optional("template", "templateCode", "", "Code of a project template whose tasks are copied", "vorlage")));

    private final String slug;
    private final String label;
    private final Set<String> roles;
    private final List<ImportColumn> columns;

    ImportKind(String slug, String label, Set<String> roles, List<ImportColumn> columns) {
        this.slug = slug;
        this.label = label;
        this.roles = roles;
        this.columns = columns;
    }

    /** The name in URLs, e.g. {@code supplier-prices}. */
    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public Set<String> roles() {
        return roles;
    }

    public List<ImportColumn> columns() {
        return columns;
    }

    public ImportColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this + " has no column " + name));
    }

    public static ImportKind of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug) || k.name().equalsIgnoreCase(slug)).findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("No import kind " + slug + " (known: "
                        + Arrays.stream(values()).map(ImportKind::slug).toList() + ")"));
    }
}
