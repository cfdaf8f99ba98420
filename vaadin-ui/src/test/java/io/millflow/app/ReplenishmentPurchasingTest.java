package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Purchasing;
import io.millflow.processes.ProcessKeys;
import io.millflow.ims.replenishment.ReplenishmentOrdering;
import io.millflow.ims.replenishment.ReplenishmentOrdering.AcceptedProposal;
import io.millflow.ims.replenishment.SupplyTerms;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** Procurement's implementations of the replenishment ports, called as a replenishment worker does (nobody signed in). */
@AppTest
class ReplenishmentPurchasingTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SupplyTerms supplyTerms;
    @Autowired
    ReplenishmentOrdering ordering;
    @Autowired
    RuntimeService runtime;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        SecurityContextHolder.clearContext();
    }

    @Test
    void supplyTermsComeFromThePreferredSupplierInTheItemsBaseUnit() {
        UUID boxed = UUID.fromString(Purchasing.item(api, port, "ST", 10).get("id").asText());
        UUID blockedOnly = UUID.fromString(Purchasing.item(api, port, "SB", 0).get("id").asText());
        UUID none = UUID.fromString(Purchasing.item(api, port, "SN", 0).get("id").asText());
        String preferred = Purchasing.supplier(api, port, "STP", "EUR").get("id").asText();
        String other = Purchasing.supplier(api, port, "STO", "EUR").get("id").asText();
        String blocked = Purchasing.supplier(api, port, "STB", "EUR").get("id").asText();
        // 2 boxes minimum, whole boxes; 20.00 a box, 18.00 from 5 boxes
        Purchasing.supplierItem(api, port, preferred, Purchasing.supplierItemBody(boxed.toString(), "BOX", 6, 2, 1,
                true, Purchasing.breaks(1, "20.00", 5, "18.00")));
        Purchasing.supplierItem(api, port, other, Purchasing.supplierItemBody(boxed.toString(), "PCS", 1, 0, 1,
                false, Purchasing.breaks(1, "1.00")));
        Purchasing.supplierItem(api, port, blocked, Purchasing.supplierItemBody(blockedOnly.toString(), "PCS", 1, 0,
                1, true, Purchasing.breaks(1, "1.00")));
        api.post("/api/v1/suppliers/" + blocked + "/block", io.millflow.app.support.Tokens.user(port, "buyer"),
                Map.of("reason", "test"));

        Map<UUID, SupplyTerms.Terms> terms = supplyTerms.preferred(List.of(boxed, blockedOnly, none));

        assertThat(terms).containsOnlyKeys(boxed);
        SupplyTerms.Terms t = terms.get(boxed);
        assertThat(t.supplierId()).isEqualTo(UUID.fromString(preferred));
        assertThat(t.leadTimeDays()).isEqualTo(6);
        assertThat(t.minimumOrderQuantity()).isEqualByComparingTo("20");
        assertThat(t.packSize()).isEqualByComparingTo("10");
        assertThat(t.unitPrice()).as("20.00 a box of 10 for the minimum of 2 boxes").isEqualByComparingTo("2.00");
        assertThat(t.currency()).isEqualTo("EUR");
    }

    @Test
    void acceptedProposalsBecomeApprovedRequisitionsPerWarehouseAndOrdersPerSupplierOnce() {
        List<UUID> warehouses = jdbc.queryForList("select id from warehouse order by code limit 2", UUID.class);
        UUID x = UUID.fromString(Purchasing.item(api, port, "RX", 10).get("id").asText());
        UUID y = UUID.fromString(Purchasing.item(api, port, "RY", 0).get("id").asText());
        String a = Purchasing.supplier(api, port, "RA", "EUR").get("id").asText();
        String b = Purchasing.supplier(api, port, "RB", "EUR").get("id").asText();
        Purchasing.supplierItem(api, port, a, Purchasing.supplierItemBody(x.toString(), "BOX", 5, 1, 1, true,
                Purchasing.breaks(1, "20.00", 10, "18.00")));
        Purchasing.supplierItem(api, port, b, Purchasing.supplierItemBody(y.toString(), "PCS", 10, 0, 1, false,
                Purchasing.breaks(1, "3.00")));
        LocalDate neededBy = LocalDate.now().plusDays(20);
        AcceptedProposal p1 = new AcceptedProposal(UUID.randomUUID(), x, warehouses.get(0), new BigDecimal("120"),
                null, neededBy, "buyer");
        AcceptedProposal p2 = new AcceptedProposal(UUID.randomUUID(), y, warehouses.get(0), new BigDecimal("50"),
                UUID.fromString(b), neededBy, "buyer");
        AcceptedProposal p3 = new AcceptedProposal(UUID.randomUUID(), x, warehouses.get(1), new BigDecimal("30"),
                null, neededBy, "system");
        Map<UUID, String> numbers = ordering.order(List.of(p1, p2, p3));

        assertThat(numbers).containsOnlyKeys(p1.proposalId(), p2.proposalId(), p3.proposalId());
        assertThat(numbers.get(p1.proposalId())).isEqualTo(numbers.get(p2.proposalId())).matches("PR-\\d{4}-\\d{6}");
        assertThat(numbers.get(p3.proposalId())).isNotEqualTo(numbers.get(p1.proposalId()));
        Map<String, Object> first = jdbc.queryForMap("select id::text as id, status, source, requester, "
                + "warehouse_id, total_amount, process_instance_id from purchase_requisition where number = ?",
                numbers.get(p1.proposalId()));
        assertThat(first.get("status")).isEqualTo("ORDERED");
        assertThat(first.get("source")).isEqualTo("REPLENISHMENT");
        assertThat(first.get("warehouse_id")).isEqualTo(warehouses.get(0));
        assertThat(first.get("process_instance_id")).as("no approval chain").isNull();
        assertThat((BigDecimal) first.get("total_amount")).as("12 boxes at 18.00 + 50 at 3.00")
                .isEqualByComparingTo("366.00");
        assertThat(jdbc.queryForList("select decided_by from requisition_approval where requisition_id = ?::uuid",
                String.class, first.get("id"))).containsExactly("buyer");
        assertThat(jdbc.queryForList("select supplier_id::text from purchase_order where requisition_id = ?::uuid "
                + "order by number", String.class, first.get("id"))).containsExactlyInAnyOrder(a, b);
        assertThat(jdbc.queryForObject("select l.quantity from purchase_order_line l join purchase_order o on "
                + "o.id = l.purchase_order_id where o.requisition_id = ?::uuid and l.unit = 'BOX'", BigDecimal.class,
                first.get("id"))).isEqualByComparingTo("12");
        assertThat(jdbc.queryForObject("select buyer from purchase_order where requisition_id = ?::uuid and "
                + "supplier_id = ?::uuid", String.class, first.get("id"), a)).isEqualTo("buyer");
        // no approval chain for the requisitions; each order runs its own purchase-order process
        for (String number : List.of(numbers.get(p1.proposalId()), numbers.get(p3.proposalId()))) {
            String requisitionId = jdbc.queryForObject("select id::text from purchase_requisition where number = ?",
                    String.class, number);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PURCHASE_REQUISITION)
                    .processInstanceBusinessKey(requisitionId).count()).isZero();
            for (String orderId : jdbc.queryForList("select id::text from purchase_order where requisition_id = ?::uuid",
                    String.class, requisitionId)) {
                assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PURCHASE_ORDER)
                        .processInstanceBusinessKey(orderId).count()).as("process of order " + orderId).isEqualTo(1);
            }
        }
        long orders = jdbc.queryForObject("select count(*) from purchase_order", Long.class);

        Map<UUID, String> again = ordering.order(List.of(p1, p2, p3));

        assertThat(again).isEqualTo(numbers);
        assertThat(jdbc.queryForObject("select count(*) from purchase_order", Long.class)).isEqualTo(orders);
    }

    @Test
    void aProposalForAnItemWithoutSupplierIsRefusedAndNothingIsWritten() {
        UUID lonely = UUID.fromString(Purchasing.item(api, port, "RL", 0).get("id").asText());
        long requisitions = jdbc.queryForObject("select count(*) from purchase_requisition", Long.class);
        assertThatThrownBy(() -> ordering.order(List.of(new AcceptedProposal(UUID.randomUUID(), lonely, null,
                BigDecimal.TEN, null, LocalDate.now(), "buyer"))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("no preferred supplier");
        assertThat(jdbc.queryForObject("select count(*) from purchase_requisition", Long.class)).isEqualTo(requisitions);
    }
}
