package io.millflow.ims;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Commands and views of the IMS master data, as the REST API and the views exchange them. */
public final class MasterDataViews {

    private MasterDataViews() {
    }

    public record ItemCommand(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "may hold letters, digits and . _ / - only") String sku,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @Size(max = 80) String category,
            @NotBlank @Size(max = 10) String baseUnit,
            @NotNull Tracking tracking,
            @Min(1) @Max(36500) Integer shelfLifeDays,
            @NotBlank @Pattern(regexp = "[ABC]", message = "must be A, B or C") String abcClass,
            Boolean active,
            Map<String, @NotNull @DecimalMin(value = "0.000001") BigDecimal> alternativeUnits) {
    }

    public record ItemView(UUID id, String sku, String name, String description, String category, String baseUnit,
            Tracking tracking, Integer shelfLifeDays, String abcClass, boolean active,
            Map<String, BigDecimal> alternativeUnits, long version) {
        static ItemView of(Item i) {
            return new ItemView(i.getId(), i.getSku(), i.getName(), i.getDescription(), i.getCategory(),
                    i.getBaseUnit(), i.getTracking(), i.getShelfLifeDays(), i.getAbcClass(), i.isActive(),
                    i.getAlternativeUnits(), i.getVersion());
        }
    }

    public record UnitView(String code, String name, int decimals) {
        static UnitView of(UnitOfMeasure u) {
            return new UnitView(u.getCode(), u.getName(), u.getDecimals());
        }
    }

    public record SiteCommand(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "may hold capital letters, digits and - only") String code,
            @NotBlank @Size(max = 200) String name,
            Boolean active) {
    }

    public record SiteView(UUID id, String code, String name, boolean active) {
        static SiteView of(Site s) {
            return new SiteView(s.getId(), s.getCode(), s.getName(), s.isActive());
        }
    }

    public record WarehouseCommand(
            @NotNull UUID siteId,
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "may hold capital letters, digits and - only") String code,
            @NotBlank @Size(max = 200) String name,
            Boolean active) {
    }

    public record WarehouseView(UUID id, UUID siteId, String code, String name, boolean active) {
        static WarehouseView of(Warehouse w) {
            return new WarehouseView(w.getId(), w.getSiteId(), w.getCode(), w.getName(), w.isActive());
        }
    }

    public record LocationCommand(
            @NotNull UUID warehouseId,
            UUID parentId,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9-]*", message = "may hold capital letters, digits and - only (e.g. A-01-03)") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull LocationType type,
            Boolean active) {
    }

    public record LocationView(UUID id, UUID warehouseId, UUID siteId, UUID parentId, String code, String name,
            LocationType type, boolean virtual, boolean active, String path) {
        static LocationView of(Location l) {
            return new LocationView(l.getId(), l.getWarehouseId(), l.getSiteId(), l.getParentId(), l.getCode(),
                    l.getName(), l.getType(), l.isVirtual(), l.isActive(), l.getPath());
        }
    }

    public record LotView(UUID id, UUID itemId, String number, LocalDate expiryDate) {
        static LotView of(Lot l) {
            return new LotView(l.getId(), l.getItemId(), l.getNumber(), l.getExpiryDate());
        }
    }
}
