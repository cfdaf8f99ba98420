package io.millflow.processes;

/** Message names the models wait for; services correlate them by business key. */
public final class Messages {

    /** The supplier answered every line of a purchase order (variable {@code allDeclined}). */
    public static final String PURCHASE_ORDER_CONFIRMED = "PurchaseOrderConfirmed";
    /** A purchase order was changed while waiting for its confirmation: it is sent again. */
    public static final String PURCHASE_ORDER_CHANGED = "PurchaseOrderChanged";
    /** A purchase order was cancelled: its process ends. */
    public static final String PURCHASE_ORDER_CANCELLED = "PurchaseOrderCancelled";
    /** The supplier submitted an advance shipping notice. */
    public static final String ADVANCE_SHIPPING_NOTICE_SUBMITTED = "AdvanceShippingNoticeSubmitted";
    /** The supplier uploaded an invoice. */
    public static final String SUPPLIER_INVOICE_RECEIVED = "SupplierInvoiceReceived";

    /** Goods of the requisition a material request waits for were put away (business key = the request's id). */
    public static final String MATERIALS_RECEIVED = "MaterialsReceived";
    /** A material request was cancelled (its reservations released): its process ends. */
    public static final String MATERIAL_REQUEST_CANCELLED = "MaterialRequestCancelled";

    private Messages() {
    }
}
