package io.millflow.ims;

import io.millflow.ims.MasterDataViews.ItemCommand;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.MasterDataViews.LocationCommand;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.ims.MasterDataViews.LotView;
import io.millflow.ims.MasterDataViews.SiteCommand;
import io.millflow.ims.MasterDataViews.SiteView;
import io.millflow.ims.MasterDataViews.UnitView;
import io.millflow.ims.MasterDataViews.WarehouseCommand;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
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

/** IMS master data. Roles: every internal role reads; ADMIN creates and changes (checked in {@link MasterData}). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory master data")
class MasterDataController {

    private final MasterData masterData;

    MasterDataController(MasterData masterData) {
        this.masterData = masterData;
    }

    @GetMapping("/units")
    @Operation(summary = "Units of measure")
    List<UnitView> units() {
        return masterData.units();
    }

    @GetMapping("/items")
    @Operation(summary = "Items by SKU or name fragment, category, ABC class, activity; paged")
    PageView<ItemView> items(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String abcClass, @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return masterData.items(q, category, abcClass, active, PageView.request(page, size, Sort.by("sku")));
    }

    @GetMapping("/items/{id}")
    @Operation(summary = "One item")
    ItemView item(@PathVariable UUID id) {
        return masterData.item(id);
    }

    @PostMapping("/items")
    @Operation(summary = "Create an item (ADMIN)")
    ResponseEntity<ItemView> createItem(@Valid @RequestBody ItemCommand body) {
        ItemView item = masterData.createItem(body);
        return ResponseEntity.created(URI.create("/api/v1/items/" + item.id())).body(item);
    }

    @PutMapping("/items/{id}")
    @Operation(summary = "Change an item (ADMIN); SKU stays, unit and tracking only while it has no moves")
    ItemView updateItem(@PathVariable UUID id, @Valid @RequestBody ItemCommand body) {
        return masterData.updateItem(id, body);
    }

    @GetMapping("/sites")
    @Operation(summary = "Sites")
    List<SiteView> sites() {
        return masterData.sites();
    }

    @PostMapping("/sites")
    @Operation(summary = "Create a site (ADMIN)")
    ResponseEntity<SiteView> createSite(@Valid @RequestBody SiteCommand body) {
        SiteView site = masterData.createSite(body);
        return ResponseEntity.created(URI.create("/api/v1/sites/" + site.id())).body(site);
    }

    @GetMapping("/warehouses")
    @Operation(summary = "Warehouses, optionally of one site")
    List<WarehouseView> warehouses(@RequestParam(required = false) UUID siteId) {
        return masterData.warehouses(siteId);
    }

    @PostMapping("/warehouses")
    @Operation(summary = "Create a warehouse (ADMIN)")
    ResponseEntity<WarehouseView> createWarehouse(@Valid @RequestBody WarehouseCommand body) {
        WarehouseView wh = masterData.createWarehouse(body);
        return ResponseEntity.created(URI.create("/api/v1/warehouses/" + wh.id())).body(wh);
    }

    @GetMapping("/locations")
    @Operation(summary = "Locations of a warehouse or under a location (subtree), by type, virtual flag or code; paged, tree order")
    PageView<LocationView> locations(@RequestParam(required = false) UUID warehouseId,
            @RequestParam(required = false) UUID under, @RequestParam(required = false) LocationType type,
            @RequestParam(required = false) Boolean virtual, @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return masterData.locations(warehouseId, under, type, virtual, code, PageView.request(page, size, Sort.by("path")));
    }

    @GetMapping("/locations/{id}")
    @Operation(summary = "One location")
    LocationView location(@PathVariable UUID id) {
        return masterData.location(id);
    }

    @PostMapping("/locations")
    @Operation(summary = "Create a location (ADMIN): a VIEW node (zone, aisle) or a bin under one")
    ResponseEntity<LocationView> createLocation(@Valid @RequestBody LocationCommand body) {
        LocationView loc = masterData.createLocation(body);
        return ResponseEntity.created(URI.create("/api/v1/locations/" + loc.id())).body(loc);
    }

    @PutMapping("/locations/{id}")
    @Operation(summary = "Rename, retype or (de)activate a location (ADMIN)")
    LocationView updateLocation(@PathVariable UUID id, @Valid @RequestBody LocationCommand body) {
        return masterData.updateLocation(id, body);
    }

    @GetMapping("/lots")
    @Operation(summary = "Lots of an item, by number fragment, expired or not; paged")
    PageView<LotView> lots(@RequestParam(required = false) UUID itemId, @RequestParam(required = false) String number,
            @RequestParam(required = false) Boolean expired, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return masterData.lots(itemId, number, expired, PageView.request(page, size, Sort.by("number")));
    }
}
