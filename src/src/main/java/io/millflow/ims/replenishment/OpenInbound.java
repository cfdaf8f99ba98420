package io.millflow.ims.replenishment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Stock on its way into a warehouse that replenishment counts in the inventory position: open purchase order
 * lines not yet received. Procurement may implement this port; without an implementation a run counts the
 * quantities of its own proposals that are approved or ordered and still within their lead time (see ADR 15).
 */
public interface OpenInbound {

    /** Open inbound quantities (base unit) of the given items, per warehouse; items without any are absent. */
    List<Inbound> openInbound(Collection<UUID> itemIds);

    record Inbound(UUID itemId, UUID warehouseId, BigDecimal quantity) {
    }
}
