package io.millflow.ui.projects;

import io.millflow.pms.ProjectEvents;
import io.millflow.pms.ProjectEvents.ProjectChange;
import io.millflow.ui.components.LiveFollowers;
import java.time.Duration;

/**
 * Keeps open project views current: follows {@link ProjectEvents} (changes on any node); changes within
 * {@link #COALESCE} of each other cause one refresh.
 */
@org.springframework.stereotype.Component
public class LiveProjects extends LiveFollowers<ProjectChange> {

    static final Duration COALESCE = Duration.ofMillis(50);

    LiveProjects(ProjectEvents events) {
        super("projects", COALESCE, events::subscribe);
    }

}
