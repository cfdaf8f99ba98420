package io.millflow.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Keeps open views current from a stream of changes of type {@code C} (e.g. stock moves or project changes,
 * delivered on every node by PostgreSQL NOTIFY/LISTEN). While a view is attached it follows the changes and, after
 * a relevant one, refreshes itself through server push; changes that arrive within the coalescing window cause one
 * refresh, so a burst reads the database once.
 */
public class LiveFollowers<C> implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveFollowers.class);

    private final String what;
    private final Duration coalesce;
    private final Function<Consumer<C>, Runnable> subscribe;

    private final ScheduledExecutorService timer;

    /**
     * {@code what} names the views in thread names and logs; {@code subscribe} registers a listener of the changes
     * and answers how to unregister it.
     */
    public LiveFollowers(String what, Duration coalesce, Function<Consumer<C>, Runnable> subscribe) {
        this.what = what;
        this.coalesce = coalesce;
        this.subscribe = subscribe;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-" + what);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * While {@code view} is attached, runs {@code refresh} in its UI after each change {@code relevant} accepts.
     * {@code relevant} runs on the listener thread: it may only read state that is safe to share (e.g. volatile
     * fields).
     */
    public void follow(Component view, Predicate<C> relevant, Runnable refresh) {
        view.addAttachListener(attach -> {
            Follower follower = new Follower(attach.getUI(), relevant, refresh);
            follower.unsubscribe = subscribe.apply(follower);
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

    private final class Follower implements Consumer<C> {

        private final UI ui;
        private final Predicate<C> relevant;
        private final Runnable refresh;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile Runnable unsubscribe;

        Follower(UI ui, Predicate<C> relevant, Runnable refresh) {
            this.ui = ui;
            this.relevant = relevant;
            this.refresh = refresh;
        }

        @Override
        public void accept(C change) {
            if (relevant.test(change) && pending.compareAndSet(false, true)) {
                timer.schedule(this::run, coalesce.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        private void run() {
            pending.set(false);
            try {
                ui.access(() -> {
                    try {
                        refresh.run();
                    } catch (RuntimeException e) {
                        log.warn("Refreshing a live {} view failed", what, e);
                    }
                });
            } catch (UIDetachedException e) {
                unsubscribe.run();
            }
        }
    }
}
