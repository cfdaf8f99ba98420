package io.millflow.app.support;

import io.millflow.ims.replenishment.ReplenishmentOrdering;
import io.millflow.ims.replenishment.SupplyTerms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Procurement's side of replenishment for the app tests, until procurement implements the ports: supplier terms
 * that a test sets per item, and requisitions numbered {@code PR-TEST-n}, idempotent per proposal, with every
 * accepted proposal kept for assertions.
 */
public class FakeProcurement implements SupplyTerms, ReplenishmentOrdering {

    private final Map<UUID, Terms> terms = new ConcurrentHashMap<>();
    private final Map<UUID, String> numbers = new ConcurrentHashMap<>();
    private final List<AcceptedProposal> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** The preferred supplier's terms of an item from now on. */
    public void setTerms(UUID itemId, Terms t) {
        terms.put(itemId, t);
    }

    /** Every proposal ordered so far, in order. */
    public List<AcceptedProposal> accepted() {
        return new ArrayList<>(accepted);
    }

    @Override
    public Map<UUID, Terms> preferred(Collection<UUID> itemIds) {
        Map<UUID, Terms> found = new HashMap<>();
        for (UUID id : itemIds) {
            Terms t = terms.get(id);
            if (t != null) {
                found.put(id, t);
            }
        }
        return found;
    }

    @Override
    public Map<UUID, String> order(List<AcceptedProposal> proposals) {
        Map<UUID, String> result = new HashMap<>();
        for (AcceptedProposal p : proposals) {
            result.put(p.proposalId(), numbers.computeIfAbsent(p.proposalId(), id -> {
                accepted.add(p);
                return "PR-TEST-" + sequence.incrementAndGet();
            }));
        }
        return result;
    }
}
