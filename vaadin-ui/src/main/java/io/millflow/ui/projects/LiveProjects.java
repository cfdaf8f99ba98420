package io.millflow.ui.projects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.millflow.pms.ProjectEvents;
import io.millflow.pms.ProjectEvents.ProjectChange;
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
 * Keeps open project views current. While a view is attached it listens to {@link ProjectEvents} (task, comment,
 * dependency, member, material and timesheet changes committed on any node, delivered by PostgreSQL
 * NOTIFY/LISTEN) and, {@link #COALESCE} after a relevant change, refreshes itself through server push; changes
 * in between (one transaction often sends several) cause one refresh.
 */
@org.springframework.stereotype.Component
public class LiveProjects implements DisposableBean {

    static final Duration COALESCE = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(LiveProjects.class);

    private final ProjectEvents events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-projects");
        t.setDaemon(true);
        return t;
    });

    LiveProjects(ProjectEvents events) {
        this.events = events;
    }

    /**
     * While {@code view} is attached, runs {@code refresh} in its UI after each change {@code relevant} accepts.
     * {@code relevant} runs on the listener thread: it may only read state that is safe to share (e.g. volatile
     * fields).
     */
    public void follow(Component view, Predicate<ProjectChange> relevant, Runnable refresh) {
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

    private final class Follower implements Consumer<ProjectChange> {

        private final UI ui;
        private final Predicate<ProjectChange> relevant;
        private final Runnable refresh;
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile Runnable unsubscribe;

        Follower(UI ui, Predicate<ProjectChange> relevant, Runnable refresh) {
            this.ui = ui;
            this.relevant = relevant;
            this.refresh = refresh;
        }

        @Override
        public void accept(ProjectChange change) {
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
                        log.warn("Refreshing a live project view failed", e);
                    }
                });
            } catch (UIDetachedException e) {
                unsubscribe.run();
            }
        }
    }
}
