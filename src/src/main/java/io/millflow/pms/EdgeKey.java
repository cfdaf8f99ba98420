package io.millflow.pms;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Primary key of a dependency row: predecessor and successor. */
class EdgeKey implements Serializable {
    UUID predecessorId;
    UUID successorId;

    EdgeKey() {
    }

    EdgeKey(UUID predecessorId, UUID successorId) {
        this.predecessorId = predecessorId;
        this.successorId = successorId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeKey k && Objects.equals(predecessorId, k.predecessorId)
                && Objects.equals(successorId, k.successorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(predecessorId, successorId);
    }
}
