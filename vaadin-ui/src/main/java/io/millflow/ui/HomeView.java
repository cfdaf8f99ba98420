package io.millflow.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.ui.purchasing.PortalOrdersView;
import jakarta.annotation.security.PermitAll;

/**
 * Where {@code /} and a fresh sign-in lead: people of the firm to their inbox, supplier users (who have no inbox) to
 * the supplier portal. Roles: every signed-in user.
 */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CurrentUser user = CurrentUser.get();
        boolean internal = Roles.INTERNAL.stream().anyMatch(user::hasRole);
        if (!internal && user.hasRole(Roles.SUPPLIER)) {
            event.forwardTo(PortalOrdersView.class);
        } else {
            event.forwardTo(InboxView.class);
        }
    }
}
