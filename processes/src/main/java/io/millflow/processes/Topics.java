package io.millflow.processes;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * External-task topics, named {@code <capability>.<verbObject>}. Every service task of every model
 * uses one of these, and exactly one worker serves each (checked by BpmnConventionsTest).
 */
public final class Topics {

    public static final String PROCUREMENT_CREATE_PURCHASE_ORDER = "procurement.createPurchaseOrder";
    public static final String PROCUREMENT_ESCALATE_APPROVAL = "procurement.escalateApproval";
    public static final String PROCUREMENT_APPLY_PURCHASE_ORDER_CHANGE = "procurement.applyPurchaseOrderChange";
    public static final String IMS_POST_COUNT_DIFFERENCES = "ims.postCountDifferences";
    public static final String IMS_COMPUTE_REPLENISHMENT_PROPOSALS = "ims.computeReplenishmentProposals";
    public static final String IMS_ORDER_REPLENISHMENT_PROPOSALS = "ims.orderReplenishmentProposals";

    // purchase-order (fulfilment)
    public static final String PROCUREMENT_SEND_PURCHASE_ORDER = "procurement.sendPurchaseOrder";
    public static final String PROCUREMENT_REMIND_SUPPLIER = "procurement.remindSupplier";
    public static final String PROCUREMENT_MATCH_INVOICE = "procurement.matchInvoice";
    public static final String PROCUREMENT_CLOSE_PURCHASE_ORDER = "procurement.closePurchaseOrder";

    // pms: project-intake, project-material-request
    public static final String PMS_CREATE_PROJECT = "pms.createProject";
    public static final String PMS_RESERVE_MATERIALS = "pms.reserveMaterials";
    public static final String PMS_REQUISITION_MATERIALS = "pms.requisitionMaterials";
    public static final String PMS_ISSUE_MATERIALS = "pms.issueMaterials";

    private Topics() {
    }

    /** All topics declared above. */
    public static List<String> all() {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(topics);
    }
}
