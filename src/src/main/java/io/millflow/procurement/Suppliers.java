package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.procurement.SupplierViews.AddressCommand;
import io.millflow.procurement.SupplierViews.AddressView;
import io.millflow.procurement.SupplierViews.BlockCommand;
import io.millflow.procurement.SupplierViews.ContactCommand;
import io.millflow.procurement.SupplierViews.ContactView;
import io.millflow.procurement.SupplierViews.SupplierCommand;
import io.millflow.procurement.SupplierViews.SupplierView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Supplier master data: create, change, block and unblock (BUYER, ADMIN); read by BUYER, MANAGER, FINANCE,
 * WAREHOUSE, ADMIN, and by a SUPPLIER user for its own supplier only (any other answers 404).
 */
@Service
@Validated
public class Suppliers {

    static final String ENTITY = "Supplier";
    static final String WRITERS = "hasAnyRole('BUYER','ADMIN')";
    static final String READERS = "hasAnyRole('BUYER','MANAGER','FINANCE','WAREHOUSE','ADMIN','SUPPLIER')";

    private final SupplierRepository suppliers;
    private final SupplierAddressRepository addresses;
    private final SupplierContactRepository contacts;
    private final SupplierScope scope;
    private final ExchangeRates rates;
    private final AuditService audit;
    private final Clock clock;

    Suppliers(SupplierRepository suppliers, SupplierAddressRepository addresses, SupplierContactRepository contacts,
            SupplierScope scope, ExchangeRates rates, AuditService audit, Clock clock) {
        this.suppliers = suppliers;
        this.addresses = addresses;
        this.contacts = contacts;
        this.scope = scope;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a supplier with its addresses and contacts; 409 when the code exists. */
    @Transactional
    @PreAuthorize(WRITERS)
    public SupplierView create(@Valid SupplierCommand cmd) {
        if (suppliers.existsByCode(cmd.code())) {
            throw new ProblemException.Conflict("A supplier with code " + cmd.code() + " exists already");
        }
        check(cmd);
        Supplier s = new Supplier(cmd.code(), clock.instant());
        apply(s, cmd);
        s = suppliers.saveAndFlush(s);
        replaceDetails(s.getId(), cmd);
        SupplierView view = view(s);
        audit.record(actor(), "SUPPLIER_CREATED", ENTITY, s.getId().toString(), null, view);
        return view;
    }

    /** Replaces a supplier's data, addresses and contacts. The code cannot change. */
    @Transactional
    @PreAuthorize(WRITERS)
    public SupplierView update(UUID id, @Valid SupplierCommand cmd) {
        Supplier s = find(id);
        if (!s.getCode().equals(cmd.code())) {
            throw new ProblemException.InvalidInput("code", "cannot change (is " + s.getCode() + ")");
        }
        check(cmd);
        SupplierView before = view(s);
        apply(s, cmd);
        addresses.deleteBySupplierId(id);
        contacts.deleteBySupplierId(id);
        addresses.flush();
        replaceDetails(id, cmd);
        SupplierView after = view(s);
        audit.record(actor(), "SUPPLIER_CHANGED", ENTITY, id.toString(), before, after);
        return after;
    }

    /** Blocks a supplier: no new purchase order goes to it (requisitions naming it are refused). */
    @Transactional
    @PreAuthorize(WRITERS)
    public SupplierView block(UUID id, @Valid BlockCommand cmd) {
        Supplier s = find(id);
        Map<String, Object> before = state(s);
        s.block(cmd.reason().strip(), clock.instant());
        audit.record(actor(), "SUPPLIER_BLOCKED", ENTITY, id.toString(), before, state(s));
        return view(s);
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public SupplierView unblock(UUID id) {
        Supplier s = find(id);
        Map<String, Object> before = state(s);
        s.unblock(clock.instant());
        audit.record(actor(), "SUPPLIER_UNBLOCKED", ENTITY, id.toString(), before, state(s));
        return view(s);
    }

    /** One supplier; a SUPPLIER user gets only its own (404 for any other). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public SupplierView get(UUID id) {
        Optional<UUID> own = scope.currentSupplierId();
        if (own.isPresent() && !own.get().equals(id)) {
            throw new ProblemException.NotFound("No supplier " + id);
        }
        return view(find(id));
    }

    /** Suppliers whose code or name contains {@code text}, optionally only (un)blocked ones; a SUPPLIER user sees its own. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PageView<SupplierView> list(String text, Boolean blocked, Pageable page) {
        Optional<UUID> own = scope.currentSupplierId();
        Page<Supplier> found;
        if (own.isPresent()) {
            List<Supplier> mine = suppliers.findById(own.get()).stream().toList();
            found = new PageImpl<>(mine, page, mine.size());
        } else {
            found = suppliers.search(text == null || text.isBlank() ? null : text.strip(), blocked, page);
        }
        return PageView.of(found, this::view);
    }

    /** The supplier entity for other procurement services (no role check: callers check). */
    Supplier find(UUID id) {
        return suppliers.findById(id).orElseThrow(() -> new ProblemException.NotFound("No supplier " + id));
    }

    Optional<Supplier> findByCode(String code) {
        return suppliers.findByCode(code);
    }

    private void check(SupplierCommand cmd) {
        rates.rateToEur(cmd.currency(), "currency");
        if (cmd.addresses() != null) {
            Set<AddressKind> kinds = new HashSet<>();
            for (int i = 0; i < cmd.addresses().size(); i++) {
                if (!kinds.add(cmd.addresses().get(i).kind())) {
                    throw new ProblemException.InvalidInput("addresses[" + i + "].kind",
                            "appears twice; a supplier has one address of each kind");
                }
            }
        }
    }

    private void apply(Supplier s, SupplierCommand cmd) {
        s.update(cmd.name().strip(), blankToNull(cmd.taxId()), cmd.currency(), cmd.paymentTerms(), cmd.paymentDays(),
                cmd.rating(), blankToNull(cmd.email()), blankToNull(cmd.phone()), blankToNull(cmd.notes()),
                clock.instant());
    }

    private void replaceDetails(UUID supplierId, SupplierCommand cmd) {
        for (AddressCommand a : cmd.addresses() == null ? List.<AddressCommand>of() : cmd.addresses()) {
            addresses.save(new SupplierAddress(supplierId, a.kind(), a.line1().strip(), blankToNull(a.line2()),
                    a.postalCode().strip(), a.city().strip(), blankToNull(a.region()), a.country()));
        }
        for (ContactCommand c : cmd.contacts() == null ? List.<ContactCommand>of() : cmd.contacts()) {
            contacts.save(new SupplierContact(supplierId, c.name().strip(), blankToNull(c.role()),
                    blankToNull(c.email()), blankToNull(c.phone())));
        }
    }

    SupplierView view(Supplier s) {
        return new SupplierView(s.getId(), s.getCode(), s.getName(), s.getTaxId(), s.getCurrency(),
                s.getPaymentTerms(), s.getPaymentDays(), s.getRating(), s.isBlocked(), s.getBlockedReason(),
                s.getEmail(), s.getPhone(), s.getNotes(),
                addresses.findBySupplierIdOrderByKind(s.getId()).stream().map(AddressView::of).toList(),
                contacts.findBySupplierIdOrderByName(s.getId()).stream().map(ContactView::of).toList(),
                s.getCreatedAt(), s.getUpdatedAt(), s.getVersion());
    }

    private static Map<String, Object> state(Supplier s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.getCode());
        m.put("blocked", s.isBlocked());
        m.put("blockedReason", s.getBlockedReason());
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String actor() {
        return CurrentUser.get().username();
    }
}
