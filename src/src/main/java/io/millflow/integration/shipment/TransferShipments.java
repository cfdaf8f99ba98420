package io.millflow.integration.shipment;

import io.millflow.ims.MasterData;
import io.millflow.ims.TransferViews.TransferLineView;
import io.millflow.ims.TransferViews.TransferView;
import io.millflow.ims.Transfers;
import io.millflow.shared.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Transfers between sites sent with a carrier: the transfer is read through the inventory's public services (never
 * its tables) and must be READY or DONE and move stock from one site to another; the shipment references it as
 * {@value #REFERENCE_TYPE}. Roles: WAREHOUSE ships; the shipment readers read.
 */
@Service
public class TransferShipments {

    public static final String REFERENCE_TYPE = "TRANSFER";

    private final Transfers transfers;
    private final MasterData masterData;
    private final Shipments shipments;

    TransferShipments(Transfers transfers, MasterData masterData, Shipments shipments) {
        this.transfers = transfers;
        this.masterData = masterData;
        this.shipments = shipments;
    }

    @PreAuthorize("hasRole('WAREHOUSE')")
    public ShipmentView ship(UUID transferId, TransferShipment cmd) {
        if (cmd == null) {
            throw new ProblemException.InvalidInput("body", "is required");
        }
        TransferView transfer = transfers.get(transferId);
        if (!List.of("READY", "DONE").contains(transfer.status())) {
            throw new ProblemException.Conflict("Transfer " + transfer.number() + " is " + transfer.status()
                    + "; only READY or DONE transfers are shipped");
        }
        Set<UUID> from = sites(transfer, TransferLineView::fromLocationId);
        Set<UUID> to = sites(transfer, TransferLineView::toLocationId);
        if (from.size() != 1 || to.size() != 1 || from.equals(to)) {
            throw new ProblemException.Conflict("Transfer " + transfer.number() + " does not move stock from one site "
                    + "to another (from " + from.size() + " site(s) to " + to.size() + " site(s)"
                    + (from.equals(to) ? ", the same" : "") + "); only transfers between two sites are shipped");
        }
        return shipments.bookOutbound(new OutboundShipment(REFERENCE_TYPE, transferId, cmd.carrierCode(),
                cmd.serviceCode(), cmd.shipper(), cmd.recipient(), cmd.parcels(), cmd.trackingNumber(),
                cmd.shipDate(), transfer.number()));
    }

    /** The shipments of a transfer, oldest first. */
    @PreAuthorize(Shipments.READERS)
    public List<ShipmentView> of(UUID transferId) {
        transfers.get(transferId);
        return shipments.forReference(REFERENCE_TYPE, transferId);
    }

    private Set<UUID> sites(TransferView transfer, Function<TransferLineView, UUID> location) {
        Map<UUID, UUID> siteOf = transfer.lines().stream().map(location).distinct()
                .collect(Collectors.toMap(Function.identity(), id -> masterData.location(id).siteId()));
        return transfer.lines().stream().map(l -> siteOf.get(location.apply(l)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
