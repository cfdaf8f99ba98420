package io.millflow.ui.stock;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.millflow.ims.StockEvents;
import io.millflow.ims.StockEvents.StockChange;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Keeps open stock views current. While a view is attached it listens to {@link StockEvents} (moves posted on
 * any node) and, shortly after a relevant change, refreshes itself through server push. Changes that arrive
 * within {@link #COALESCE} of each other cause one refresh, so a burst of postings reads the database once.
 */
@org.springframework.stereotype.Component
public class LiveStock implements DisposableBean {

    static final Duration COALESCE = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(LiveStock.class);

    private final StockEvents events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-stock");
        t.setDaemon(true);
        return t;
    });

    LiveStock(StockEvents events) {
        this.events = events;
    }

    /**
     * While {@code view} is attached, runs {@code refresh} in its UI after each change {@code relevant} accepts.
     * {@code relevant} runs on the listener thread: it may only read state that is safe to share (e.g. volatile
     * fields).
     */
    public void follow(Component view, Predicate<StockChange> relevant, Runnable refresh) {
        view.addAttachListener(attach -> {
            Follower follower = new Follower(attach.getUI(), relevant, refresh);
            follower.unsubscribe = events.subscribe(follower);
            view.addDetachListener(detach -> {
                follower.unsubscribe.run();
                detach.unregisterListener();
            });
        });
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    private final class Follower implements Consumer<StockChange> {

        private final UI ui;
        private final Predicate<StockChange> relevant;
        private final Runnable refresh;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile Runnable unsubscribe;

        Follower(UI ui, Predicate<StockChange> relevant, Runnable refresh) {
            this.ui = ui;
            this.relevant = relevant;
            this.refresh = refresh;
        }

        @Override
        public void accept(StockChange change) {
            if (relevant.test(change) && pending.compareAndSet(false, true)) {
                timer.schedule(this::run, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void run() {
            pending.set(false);
            try {
                ui.access(() -> {
                    try {
                        refresh.run();
                    } catch (RuntimeException e) {
                        log.warn("Refreshing a live stock view failed", e);
                    }
                });
            } catch (UIDetachedException e) {
                unsubscribe.run();
            }
        }
    }
}
