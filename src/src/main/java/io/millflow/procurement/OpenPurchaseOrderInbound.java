package io.millflow.procurement;

import io.millflow.ims.replenishment.OpenInbound;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What replenishment counts as on its way: per item and warehouse, the quantity of open purchase order lines not yet
 * received (the confirmed quantity once the supplier confirmed, else the ordered one), in the item's base unit.
 * Lines that are cancelled or declined, and orders that are closed or cancelled, count nothing; goods returned to the
 * supplier are not expected again.
 */
@Component
class OpenPurchaseOrderInbound implements OpenInbound {

    private final JdbcTemplate jdbc;

    OpenPurchaseOrderInbound(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Inbound> openInbound(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select l.item_id, o.warehouse_id,
                       sum(greatest(coalesce(l.confirmed_quantity, l.quantity) - l.received_quantity, 0)
                           * case when l.unit = i.base_unit then 1 else coalesce(u.factor, 1) end) as open_quantity
                  from purchase_order_line l
                  join purchase_order o on o.id = l.purchase_order_id
                  join item i on i.id = l.item_id
                  left join item_unit u on u.item_id = l.item_id and u.unit_code = l.unit
                 where l.item_id = any(?::uuid[])
                   and o.warehouse_id is not null
                   and o.status in ('DRAFT', 'SENT', 'CONFIRMED', 'PARTIALLY_RECEIVED')
                   and not l.cancelled and l.confirmation <> 'DECLINED'
                 group by l.item_id, o.warehouse_id
                having sum(greatest(coalesce(l.confirmed_quantity, l.quantity) - l.received_quantity, 0)) > 0
                """, (rs, n) -> new Inbound(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getBigDecimal(3)), (Object) itemIds.toArray(new UUID[0]));
    }
}
