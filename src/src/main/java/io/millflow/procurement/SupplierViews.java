package io.millflow.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of suppliers and their catalogue. */
public final class SupplierViews {

    private SupplierViews() {
    }

    /** Create or replace a supplier (addresses and contacts are replaced as a whole). */
    public record SupplierCommand(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 upper-case letters, digits or '-'")
            String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 40) String taxId,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as EUR")
            String currency,
            @NotBlank @Pattern(regexp = "[A-Z0-9/]{2,20}", message = "must be 2-20 upper-case letters, digits or '/', e.g. NET30")
            String paymentTerms,
            @NotNull @Min(0) @Max(365) Integer paymentDays,
            @DecimalMin("0") @DecimalMax("5") @Digits(integer = 1, fraction = 2) BigDecimal rating,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String phone,
            @Size(max = 2000) String notes,
            @Valid List<AddressCommand> addresses,
            @Valid List<ContactCommand> contacts) {
    }

    public record AddressCommand(
            @NotNull AddressKind kind,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter ISO 3166 country code") String country) {
    }

    public record ContactCommand(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 80) String role,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String phone) {
    }

    public record BlockCommand(@NotBlank @Size(max = 500) String reason) {
    }

    public record SupplierView(UUID id, String code, String name, String taxId, String currency, String paymentTerms,
            int paymentDays, BigDecimal rating, boolean blocked, String blockedReason, String email, String phone,
            String notes, List<AddressView> addresses, List<ContactView> contacts, Instant createdAt,
            Instant updatedAt, long version) {
    }

    public record AddressView(AddressKind kind, String line1, String line2, String postalCode, String city,
            String region, String country) {
        static AddressView of(SupplierAddress a) {
            return new AddressView(a.getKind(), a.getLine1(), a.getLine2(), a.getPostalCode(), a.getCity(),
                    a.getRegion(), a.getCountry());
        }
    }

    public record ContactView(UUID id, String name, String role, String email, String phone) {
        static ContactView of(SupplierContact c) {
            return new ContactView(c.getId(), c.getName(), c.getRole(), c.getEmail(), c.getPhone());
        }
    }

    /**
     * Create or replace a supplier item with its price breaks (replaced as a whole). Minimum order quantity and
     * pack size are in the order unit, which must be the item's base unit or one of its alternative units;
     * the currency defaults to the supplier's.
     */
    public record SupplierItemCommand(
            @NotNull UUID itemId,
            @NotBlank @Size(max = 60) String supplierSku,
            @Size(max = 500) String supplierDescription,
            @NotBlank @Size(max = 10) String orderUnit,
            @NotNull @Min(0) @Max(730) Integer leadTimeDays,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 3) BigDecimal minimumOrderQuantity,
            @NotNull @Positive @Digits(integer = 12, fraction = 3) BigDecimal packSize,
            @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as EUR") String currency,
            Boolean preferred,
            Boolean active,
            @NotEmpty @Valid List<PriceCommand> prices) {
    }

    public record PriceCommand(
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 3) BigDecimal minQuantity,
            @NotNull @Positive @Digits(integer = 11, fraction = 4) BigDecimal unitPrice,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {
    }

    public record SupplierItemView(UUID id, UUID supplierId, String supplierCode, String supplierName,
            boolean supplierBlocked, UUID itemId, String itemSku, String itemName, String supplierSku,
            String supplierDescription, String orderUnit, int leadTimeDays, BigDecimal minimumOrderQuantity,
            BigDecimal packSize, String currency, boolean preferred, boolean active, List<PriceView> prices,
            long version) {
    }

    public record PriceView(BigDecimal minQuantity, BigDecimal unitPrice, LocalDate validFrom, LocalDate validTo) {
        static PriceView of(SupplierPrice p) {
            return new PriceView(p.getMinQuantity(), p.getUnitPrice(), p.getValidFrom(), p.getValidTo());
        }
    }

    /**
     * The price of a supplier item for a quantity (in its order unit) on a day: the break with the largest
     * minimum quantity not above the quantity among those valid that day.
     */
    public record PriceQuote(UUID supplierItemId, UUID supplierId, String supplierCode, UUID itemId,
            BigDecimal quantity, String unit, LocalDate date, BigDecimal breakMinQuantity, BigDecimal unitPrice,
            String currency, BigDecimal amount, int leadTimeDays) {
    }
}
