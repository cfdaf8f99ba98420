package io.millflow.app;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;

/**
 * The page shell: installable as a PWA (manifest, icons, service worker), Lumo theme (the default), server push
 * (websocket, falling back to long polling) so open views show changes made elsewhere, e.g. stock moves.
 */
@Push
@PWA(name = "Millflow", shortName = "Millflow", description = "Projects, inventory and approvals for manufacturers",
        iconPath = "icons/icon.png", backgroundColor = "#ffffff", themeColor = "#1676f3")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {
}
