package io.millflow.procurement;

import io.millflow.procurement.SupplierViews.BlockCommand;
import io.millflow.procurement.SupplierViews.PriceQuote;
import io.millflow.procurement.SupplierViews.SupplierCommand;
import io.millflow.procurement.SupplierViews.SupplierItemCommand;
import io.millflow.procurement.SupplierViews.SupplierItemView;
import io.millflow.procurement.SupplierViews.SupplierView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suppliers and their catalogue. Roles (checked in {@link Suppliers} and {@link SupplierCatalogue}): suppliers
 * are written by BUYER, ADMIN and read by BUYER, MANAGER, FINANCE, WAREHOUSE, ADMIN, and by a SUPPLIER user for
 * its own record only (404 for others); the catalogue is written by BUYER, ADMIN and read by every internal role.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Suppliers")
class SupplierController {

    private final Suppliers suppliers;
    private final SupplierCatalogue catalogue;

    SupplierController(Suppliers suppliers, SupplierCatalogue catalogue) {
        this.suppliers = suppliers;
        this.catalogue = catalogue;
    }

    @GetMapping("/suppliers")
    @Operation(summary = "Suppliers by code or name fragment, optionally (un)blocked only; paged")
    PageView<SupplierView> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean blocked, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return suppliers.list(q, blocked, PageView.request(page, size, Sort.by("code")));
    }

    @GetMapping("/suppliers/{id}")
    @Operation(summary = "One supplier with addresses and contacts")
    SupplierView get(@PathVariable UUID id) {
        return suppliers.get(id);
    }

    @PostMapping("/suppliers")
    @Operation(summary = "Create a supplier (BUYER, ADMIN)")
    ResponseEntity<SupplierView> create(@Valid @RequestBody SupplierCommand body) {
        SupplierView created = suppliers.create(body);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + created.id())).body(created);
    }

    @PutMapping("/suppliers/{id}")
    @Operation(summary = "Replace a supplier's data, addresses and contacts (BUYER, ADMIN); the code stays")
    SupplierView update(@PathVariable UUID id, @Valid @RequestBody SupplierCommand body) {
        return suppliers.update(id, body);
    }

    @PostMapping("/suppliers/{id}/block")
    @Operation(summary = "Block a supplier: no purchase order goes to it (BUYER, ADMIN)")
    SupplierView block(@PathVariable UUID id, @Valid @RequestBody BlockCommand body) {
        return suppliers.block(id, body);
    }

    @PostMapping("/suppliers/{id}/unblock")
    @Operation(summary = "Unblock a supplier (BUYER, ADMIN)")
    SupplierView unblock(@PathVariable UUID id) {
        return suppliers.unblock(id);
    }

    @GetMapping("/suppliers/{id}/items")
    @Operation(summary = "A supplier's catalogue with price breaks")
    List<SupplierItemView> items(@PathVariable UUID id) {
        return catalogue.ofSupplier(id);
    }

    @PostMapping("/suppliers/{id}/items")
    @Operation(summary = "Add an item to a supplier's catalogue (BUYER, ADMIN)")
    ResponseEntity<SupplierItemView> createItem(@PathVariable UUID id, @Valid @RequestBody SupplierItemCommand body) {
        SupplierItemView created = catalogue.create(id, body);
        return ResponseEntity.created(URI.create("/api/v1/supplier-items/" + created.id())).body(created);
    }

    @GetMapping("/supplier-items")
    @Operation(summary = "The suppliers of an item, the preferred one first")
    List<SupplierItemView> ofItem(@RequestParam UUID itemId) {
        return catalogue.ofItem(itemId);
    }

    @GetMapping("/supplier-items/{id}")
    @Operation(summary = "One supplier item with price breaks")
    SupplierItemView item(@PathVariable UUID id) {
        return catalogue.get(id);
    }

    @PutMapping("/supplier-items/{id}")
    @Operation(summary = "Replace a supplier item's terms and price breaks (BUYER, ADMIN)")
    SupplierItemView updateItem(@PathVariable UUID id, @Valid @RequestBody SupplierItemCommand body) {
        return catalogue.update(id, body);
    }

    @PostMapping("/supplier-items/{id}/preferred")
    @Operation(summary = "Make this the preferred supplier of its item (BUYER, ADMIN)")
    SupplierItemView prefer(@PathVariable UUID id) {
        return catalogue.prefer(id);
    }

    @GetMapping("/supplier-items/{id}/price")
    @Operation(summary = "Price for a quantity (order unit) on a day (default today): the matching quantity break")
    PriceQuote price(@PathVariable UUID id, @RequestParam BigDecimal quantity,
            @RequestParam(required = false) LocalDate date) {
        return catalogue.price(id, quantity, date);
    }
}
