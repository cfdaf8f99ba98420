package io.millflow.workers;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module and capability boundaries of ARCHITECTURE.md. Runs in the workers module because its test
 * class path holds all non-UI code: processes, core (src) and workers.
 */
@AnalyzeClasses(packages = "io.millflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.millflow.";

    /** The capability packages of the core module, including those still to come. */
    private static final String[] CORE_CAPABILITIES = {
        "io.millflow.audit..", "io.millflow.security..", "io.millflow.shared..", "io.millflow.procurement..",
        "io.millflow.ims..", "io.millflow.pms..", "io.millflow.integration..", "io.millflow.workbench..",
        "io.millflow.notification..", "io.millflow.mail..", "io.millflow.calendar..", "io.millflow.webhook..",
        "io.millflow.exchange..",
    };

    @ArchTest
    static final ArchRule processesDependOnNoOtherMillflowPackage = noClasses()
            .that().resideInAPackage("io.millflow.processes..")
            .should().dependOnClassesThat(resideInAPackage("io.millflow..")
                    .and(not(resideInAPackage("io.millflow.processes.."))))
            .because("the process vocabulary is the bottom layer: core, workers and UI depend on it, not the reverse");

    @ArchTest
    static final ArchRule coreDoesNotDependOnWorkersOrUi = noClasses()
            .that().resideInAnyPackage(CORE_CAPABILITIES)
            .should().dependOnClassesThat().resideInAnyPackage("io.millflow.workers..", "io.millflow.app..",
                    "io.millflow.ui..")
            .because("core capabilities expose services; workers and the UI call them, not the reverse");

    @ArchTest
    static final ArchRule repositoriesAreUsedOnlyInTheirCapability = classes()
            .that().resideInAPackage("io.millflow..")
            .should(accessOnlyRepositoriesOfTheirOwnCapability())
            .because("a capability does not reach into another capability's repositories (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule repositoriesAreNotPublic = classes()
            .that().resideInAPackage("io.millflow..").and().haveSimpleNameEndingWith("Repository")
            .should().notBePublic()
            .because("repositories are package-private; other packages use the capability's services");

    @ArchTest
    static final ArchRule workersUseServicesNotRepositories = noClasses()
            .that().resideInAPackage("io.millflow.workers..")
            .should().dependOnClassesThat(resideInAPackage("io.millflow..")
                    .and(JavaClass.Predicates.simpleNameEndingWith("Repository")))
            .orShould().dependOnClassesThat().resideInAPackage("org.springframework.data..")
            .because("a worker reads variables and calls one core service (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices()
            .matching("io.millflow.(*)..")
            .should().beFreeOfCycles();

    /** The package segment after {@code io.millflow}, e.g. {@code shared} for {@code io.millflow.shared.inbox}. */
    static String capabilityOf(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            return pkg;
        }
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> accessOnlyRepositoriesOfTheirOwnCapability() {
        return new ArchCondition<>("access only repositories of their own capability") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.getPackageName().startsWith(ROOT) || !target.getSimpleName().endsWith("Repository")) {
                        continue;
                    }
                    String from = capabilityOf(origin);
                    String to = capabilityOf(target);
                    if (!from.equals(to)) {
                        events.add(SimpleConditionEvent.violated(origin, "capability '" + from + "' reaches into "
                                + "repository of capability '" + to + "': " + dependency.getDescription()));
                    }
                }
            }
        };
    }
}
