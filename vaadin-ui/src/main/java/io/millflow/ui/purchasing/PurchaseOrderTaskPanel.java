package io.millflow.ui.purchasing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.millflow.ims.LocationType;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptCommand;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptLineCommand;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptLineView;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderLineView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.FulfilmentViews.PutAwayCommand;
import io.millflow.procurement.FulfilmentViews.PutAwayLineCommand;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeLineView;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeView;
import io.millflow.procurement.GoodsReceipts;
import io.millflow.procurement.PurchaseOrderCommands.AssignSupplier;
import io.millflow.procurement.PurchaseOrders;
import io.millflow.procurement.SupplierViews.SupplierView;
import io.millflow.procurement.Suppliers;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.ui.Problems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The inbox panels of the purchase-order process. Receive goods: per line of a waiting shipping notice the quantity
 * that arrived, lot and expiry for lot-tracked items, the receiving location; "Post receipt" posts the 101 and
 * completes the task. Put away: per receipt line left in receiving a storage bin and quantity; "Post put-away" posts
 * the 311. The buyer tasks show the order and its history above the inbox's approve/reject buttons.
 */
public final class PurchaseOrderTaskPanel {

    private PurchaseOrderTaskPanel() {
    }

    /** Whether the task is completed by its own form (no approve/reject). */
    public static boolean hasOwnForm(InboxTask task) {
        return "ReceiveGoods".equals(task.activityId()) || "PutAway".equals(task.activityId())
                || "AssignSupplier".equals(task.activityId());
    }

    public static Div of(InboxTask task, PurchaseOrderView po, GoodsReceipts receipts, MasterData masterData,
            PurchaseOrders orders, Suppliers suppliers, Runnable done) {
        Div panel = new Div(OrderPanel.of(po));
        panel.setId("po-task-panel");
        panel.setWidthFull();
        switch (task.activityId()) {
            case "ReceiveGoods" -> panel.add(receiveForm(po, receipts, masterData, done));
            case "PutAway" -> panel.add(putAwayForm(po, receipts, masterData, done));
            case "AssignSupplier" -> panel.add(assignForm(po, orders, suppliers, done), OrderPanel.history(po, true));
            default -> panel.add(OrderPanel.history(po, true));
        }
        return panel;
    }

    private static List<LocationView> locations(MasterData masterData, UUID warehouseId, LocationType type) {
        return masterData.locations(warehouseId, null, type, false, null, PageRequest.of(0, 500)).items();
    }

    private static Div receiveForm(PurchaseOrderView po, GoodsReceipts receipts, MasterData masterData, Runnable done) {
        Div form = new Div();
        form.setId("receive-form");
        List<ShippingNoticeView> waiting = po.shippingNotices().stream().filter(n -> "SUBMITTED".equals(n.status()))
                .toList();
        if (waiting.isEmpty()) {
            form.add(new Paragraph("No shipping notice waits to be received."));
            return form;
        }
        Select<ShippingNoticeView> asn = new Select<>();
        asn.setId("receive-asn");
        asn.setLabel("Shipping notice");
        asn.setItems(waiting);
        asn.setItemLabelGenerator(n -> n.number() + " · " + n.carrierCode()
                + (n.trackingNumber() == null ? "" : " " + n.trackingNumber()));
        asn.setValue(waiting.get(waiting.size() - 1));
        Select<LocationView> location = new Select<>();
        location.setId("receive-location");
        location.setLabel("Receiving location");
        List<LocationView> receiving = locations(masterData, po.warehouseId(), LocationType.RECEIVING);
        location.setItems(receiving);
        location.setItemLabelGenerator(LocationView::code);
        if (!receiving.isEmpty()) {
            location.setValue(receiving.get(0));
        }
        Div lines = new Div();
        lines.setId("receive-lines");
        Map<UUID, PurchaseOrderLineView> poLines = po.lines().stream()
                .collect(Collectors.toMap(PurchaseOrderLineView::id, Function.identity()));
        List<Object[]> fields = new ArrayList<>();
        Runnable fill = () -> {
            lines.removeAll();
            fields.clear();
            for (ShippingNoticeLineView l : asn.getValue().lines()) {
                PurchaseOrderLineView pl = poLines.get(l.purchaseOrderLineId());
                Div row = OrderPanel.row("receive-line");
                String prefix = "receive-line-" + l.lineNo();
                row.setId(prefix);
                BigDecimalField qty = new BigDecimalField("Received (" + l.unit() + ")");
                qty.setId(prefix + "-quantity");
                qty.setValue(l.quantity());
                TextField lot = new TextField("Lot");
                lot.setId(prefix + "-lot");
                DatePicker expiry = new DatePicker("Expiry");
                expiry.setId(prefix + "-expiry");
                boolean lotTracked = pl != null && pl.lotTracked();
                lot.setVisible(lotTracked);
                expiry.setVisible(lotTracked);
                if (l.lot() != null) {
                    lot.setValue(l.lot());
                }
                expiry.setValue(l.lotExpiry());
                Span what = new Span(l.purchaseOrderLineNo() + ". " + l.description() + " · notified "
                        + OrderPanel.plain(l.quantity()) + " " + l.unit());
                what.getStyle().set("flex", "1 1 100%");
                row.add(what, qty, lot, expiry);
                lines.add(row);
                fields.add(new Object[] {l, qty, lot, expiry});
            }
        };
        fill.run();
        asn.addValueChangeListener(e -> fill.run());
        Button post = new Button("Post receipt", e -> {
            try {
                List<GoodsReceiptLineCommand> cmd = new ArrayList<>();
                for (Object[] f : fields) {
                    BigDecimal q = ((BigDecimalField) f[1]).getValue();
                    String lotValue = ((TextField) f[2]).getValue();
                    cmd.add(new GoodsReceiptLineCommand(((ShippingNoticeLineView) f[0]).id(),
                            q == null ? BigDecimal.ZERO : q, lotValue == null || lotValue.isBlank() ? null : lotValue,
                            ((DatePicker) f[3]).getValue(), null));
                }
                GoodsReceiptView r = receipts.receive(new GoodsReceiptCommand(asn.getValue().id(),
                        location.getValue() == null ? null : location.getValue().id(), cmd), null);
                success("Received: " + r.number() + " (" + r.stockDocumentNumber() + ")");
                done.run();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        post.setId("post-receipt");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(asn, location, lines, post);
        return form;
    }

    private static Div putAwayForm(PurchaseOrderView po, GoodsReceipts receipts, MasterData masterData, Runnable done) {
        Div form = new Div();
        form.setId("put-away-form");
        List<LocationView> bins = locations(masterData, po.warehouseId(), LocationType.STORAGE);
        List<Object[]> fields = new ArrayList<>();
        int n = 0;
        for (GoodsReceiptView r : po.receipts()) {
            for (GoodsReceiptLineView l : r.lines()) {
                BigDecimal left = l.quantity().subtract(l.putAwayQuantity());
                if (left.signum() <= 0) {
                    continue;
                }
                n++;
                String prefix = "putaway-line-" + n;
                Div row = OrderPanel.row("putaway-line");
                row.setId(prefix);
                Span what = new Span(r.number() + " · " + l.description() + (l.lot() == null ? "" : " · lot " + l.lot())
                        + " · in " + r.receivingLocationCode() + ": " + OrderPanel.plain(left) + " " + l.unit());
                what.getStyle().set("flex", "1 1 100%");
                Select<LocationView> bin = new Select<>();
                bin.setId(prefix + "-bin");
                bin.setLabel("Storage bin");
                bin.setItems(bins);
                bin.setItemLabelGenerator(LocationView::code);
                if (!bins.isEmpty()) {
                    bin.setValue(bins.get(0));
                }
                BigDecimalField qty = new BigDecimalField("Quantity");
                qty.setId(prefix + "-quantity");
                qty.setValue(left);
                row.add(what, bin, qty);
                form.add(row);
                fields.add(new Object[] {l, bin, qty});
            }
        }
        if (fields.isEmpty()) {
            form.add(new Paragraph("Nothing of this order is left in receiving."));
            return form;
        }
        Button post = new Button("Post put-away", e -> {
            try {
                List<PutAwayLineCommand> cmd = new ArrayList<>();
                for (Object[] f : fields) {
                    BigDecimal q = ((BigDecimalField) f[2]).getValue();
                    @SuppressWarnings("unchecked")
                    LocationView bin = ((Select<LocationView>) f[1]).getValue();
                    if (q != null && q.signum() > 0) {
                        cmd.add(new PutAwayLineCommand(((GoodsReceiptLineView) f[0]).id(), bin == null ? null : bin.id(), q));
                    }
                }
                receipts.putAway(po.id(), new PutAwayCommand(cmd), null);
                success("Put away");
                done.run();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        post.setId("post-put-away");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(post);
        return form;
    }

    /**
     * Assign supplier: an unblocked supplier for an order without one (or whose supplier was blocked); assigning
     * sends the order and the process completes the task.
     */
    private static Div assignForm(PurchaseOrderView po, PurchaseOrders orders, Suppliers suppliers, Runnable done) {
        Div form = new Div();
        form.setId("assign-form");
        Select<SupplierView> supplier = new Select<>();
        supplier.setId("assign-supplier");
        supplier.setLabel("Supplier");
        supplier.setItemLabelGenerator(s -> s.code() + " · " + s.name() + " (" + s.currency() + ")");
        supplier.setItems(suppliers.list(null, false, PageRequest.of(0, 500)).items());
        supplier.setWidth("28em");
        Button assign = new Button("Assign and send", e -> {
            try {
                if (supplier.getValue() == null) {
                    throw new io.millflow.shared.ProblemException.InvalidInput("supplierId", "choose a supplier");
                }
                orders.assignSupplier(po.id(), new AssignSupplier(supplier.getValue().id()));
                success("Order " + po.number() + " sent to " + supplier.getValue().code());
                done.run();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        assign.setId("assign-supplier-button");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div row = OrderPanel.row("assign-row");
        row.add(supplier, assign);
        form.add(row);
        return form;
    }

    static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
