package io.millflow.ui.stock;

import io.millflow.ims.StockEvents;
import io.millflow.ims.StockEvents.StockChange;
import io.millflow.ui.components.LiveFollowers;
import java.time.Duration;

/**
 * Keeps open stock views current: follows {@link StockEvents} (moves posted on any node); changes within
 * {@link #COALESCE} of each other cause one refresh.
 */
@org.springframework.stereotype.Component
public class LiveStock extends LiveFollowers<StockChange> {

    static final Duration COALESCE = Duration.ofMillis(200);

    LiveStock(StockEvents events) {
        super("stock", COALESCE, events::subscribe);
    }

}
