package io.millflow.ui.projects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.DepartmentView;
import io.millflow.pms.Departments;
import io.millflow.pms.ProjectRequestViews.ProjectRequestCommand;
import io.millflow.pms.ProjectRequestViews.RequestView;
import io.millflow.pms.ProjectRequests;
import io.millflow.pms.ProjectTemplates;
import io.millflow.pms.TemplateView;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Request a project: code, name, department and the other departments involved (their heads approve), manager,
 * dates, budget and template. Roles: every internal role (not SUPPLIER).
 */
@Route(value = "project-requests/new", layout = MainLayout.class)
@PageTitle("Request a project · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class ProjectRequestView extends VerticalLayout {

    private final TextField code = new TextField("Code");
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    private final MultiSelectComboBox<DepartmentView> involved = new MultiSelectComboBox<>("Other departments involved");
    private final TextField manager = new TextField("Project manager (username)");
    private final DatePicker start = new DatePicker("Start");
    private final DatePicker end = new DatePicker("End");
    private final BigDecimalField budget = new BigDecimalField("Budget (EUR)");
    private final ComboBox<String> template = new ComboBox<>("Template");

    public ProjectRequestView(ProjectRequests requests, Departments departments, ProjectTemplates templates) {
        setMaxWidth("900px");
        code.setId("request-code");
        code.setHelperText("2-20 letters, digits or '-', e.g. NSL-2026");
        name.setId("request-name");
        description.setId("request-description");
        department.setId("request-department");
        involved.setId("request-involved");
        manager.setId("request-manager");
        manager.setValue("manager");
        start.setId("request-start");
        end.setId("request-end");
        budget.setId("request-budget");
        template.setId("request-template");
        List<DepartmentView> all = departments.list();
        department.setItems(all);
        department.setItemLabelGenerator(d -> d.code() + " · " + d.name() + (d.headUsername() == null ? " (no head)"
                : " (head " + d.headUsername() + ")"));
        involved.setItems(all);
        involved.setItemLabelGenerator(d -> d.code() + " · " + d.name());
        template.setItems(templates.list().stream().map(TemplateView::code).toList());
        template.setClearButtonVisible(true);
        start.setValue(LocalDate.now().plusWeeks(1));
        end.setValue(LocalDate.now().plusMonths(3));

        FormLayout form = new FormLayout(code, name, department, involved, manager, template, start, end, budget,
                description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(description, 2);
        Button submit = new Button("Request project", e -> submit(requests));
        submit.setId("submit-project-request");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("Request a project"), new Paragraph("The heads of the department and of every department involved "
                + "approve the request in their inbox; then the project is created and its manager kicks it off."),
                form, submit);
    }

    private void submit(ProjectRequests requests) {
        try {
            RequestView r = requests.submit(new ProjectRequestCommand(code.getValue(), name.getValue(),
                    description.getValue(), department.getValue() == null ? null : department.getValue().id(),
                    involved.getSelectedItems().stream().map(DepartmentView::id).filter(Objects::nonNull).toList(),
                    manager.getValue(), start.getValue(), end.getValue(), budget.getValue(), "EUR",
                    template.getValue()));
            Notification n = Notification.show("Project request " + r.number() + " submitted", 3000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(ProjectRequestsView.class));
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }
}
