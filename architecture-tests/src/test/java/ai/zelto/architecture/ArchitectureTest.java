package ai.zelto.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rules of ARCHITECTURE.md, as allow-lists: what each layer may use. Every package a rule names
 * is checked to hold classes, so a renamed package cannot make a rule pass vacuously.
 */
class ArchitectureTest {
    private static JavaClasses zelto;

    @BeforeAll
    static void importClasses() {
        zelto = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ai.zelto");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ai.zelto.domain", "ai.zelto.application.port.in", "ai.zelto.application.port.out",
            "ai.zelto.application.service", "ai.zelto.application.spi.provider",
            "ai.zelto.application.readmodel", "ai.zelto.application.failure", "ai.zelto.application.provider",
            "ai.zelto.app.config", "ai.zelto.app.wiring", "ai.zelto.app.cli", "ai.zelto.app.db", "ai.zelto.app.secrets",
            "ai.zelto.adapters.http.servlet", "ai.zelto.adapters.http", "ai.zelto.adapters.web.session",
            "ai.zelto.adapters.web.page", "ai.zelto.adapters.web.conversation", "ai.zelto.adapters.web.signin",
            "ai.zelto.adapters.persistence", "ai.zelto.adapters.providers", "ai.zelto.adapters.storage",
            "ai.zelto.adapters.audio", "ai.zelto.adapters.livekit", "ai.zelto.adapters.telephony",
            "ai.zelto.adapters.llm", "ai.zelto.adapters.mcp", "ai.zelto.app"})
    void canary_everyPackageTheRulesNameHoldsClasses(String packageName) {
        assertThat(zelto.stream().filter(c -> c.getPackageName().startsWith(packageName)).count())
                .as(packageName).isPositive();
    }

    @Test
    void theDomain_usesTheJdkOnly() {
        classes().that().resideInAPackage("ai.zelto.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ai.zelto.domain..", "java..")
                .check(zelto);
    }

    /** The JDK includes {@code javax.crypto}: the HMACs of webhook signatures are computed with it. */
    @Test
    void theApplication_usesTheDomainAndTheJdkOnly() {
        classes().that().resideInAPackage("ai.zelto.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("ai.zelto.application..", "ai.zelto.domain..", "java..", "javax.crypto..")
                .check(zelto);
    }

    /** buckpal's dependency rule: what the core needs from outside never depends on how it is driven. */
    static final ArchRule DRIVEN_PORTS_NEVER_DEPEND_ON_DRIVING_PORTS = noClasses()
            .that().resideInAPackage("ai.zelto.application.port.out..")
            .should().dependOnClassesThat().resideInAPackage("ai.zelto.application.port.in..");

    /** JDBC belongs to the persistence adapter, which classifies its failures before they reach the core. */
    static final ArchRule NO_JDBC_IN_THE_CORE = noClasses()
            .that().resideInAnyPackage("ai.zelto.domain..", "ai.zelto.application..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @Test
    void drivenPorts_neverDependOnDrivingPorts() {
        DRIVEN_PORTS_NEVER_DEPEND_ON_DRIVING_PORTS.check(zelto);
    }

    @Test
    void canary_anOutPortUsingAnInPort_breaksThePortDirectionRule() {
        JavaClasses violation = new ClassFileImporter().importClasses(
                ai.zelto.application.port.out.CanaryOutPortUsingAnInPort.class);
        assertThat(DRIVEN_PORTS_NEVER_DEPEND_ON_DRIVING_PORTS.evaluate(violation).hasViolation()).isTrue();
    }

    @Test
    void theCore_neverUsesJdbc() {
        NO_JDBC_IN_THE_CORE.check(zelto);
    }

    @Test
    void canary_aServiceUsingJdbc_breaksTheNoJdbcRule() {
        JavaClasses violation = new ClassFileImporter().importClasses(
                ai.zelto.application.service.CanaryServiceUsingJdbc.class);
        assertThat(NO_JDBC_IN_THE_CORE.evaluate(violation).hasViolation()).isTrue();
    }

    /** A driving port is an interface named for what it does: {@code AcceptDeliveryUseCase}. */
    static final ArchRule USE_CASES_ARE_INTERFACES = classes()
            .that().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces().andShould().resideInAPackage("ai.zelto.application.port.in..");

    /** A class Jersey serves is found by its name: {@code ConversationsResource}. */
    static final ArchRule RESOURCES_ARE_NAMED_SO = classes()
            .that().areAnnotatedWith("jakarta.ws.rs.Path")
            .should().haveSimpleNameEndingWith("Resource");

    @Test
    void useCases_areInterfacesInPortIn() {
        USE_CASES_ARE_INTERFACES.check(zelto);
    }

    @Test
    void canary_aUseCaseThatIsAClass_breaksTheUseCaseRule() {
        JavaClasses violation = new ClassFileImporter().importClasses(
                ai.zelto.application.port.in.CanaryUseCase.class);
        assertThat(USE_CASES_ARE_INTERFACES.evaluate(violation).hasViolation()).isTrue();
    }

    @Test
    void jaxRsResources_areNamedResource() {
        RESOURCES_ARE_NAMED_SO.check(zelto);
    }

    @Test
    void canary_anEndpointNotNamedResource_breaksTheResourceRule() {
        JavaClasses violation = new ClassFileImporter().importClasses(ai.zelto.adapters.http.CanaryEndpoint.class);
        assertThat(RESOURCES_ARE_NAMED_SO.evaluate(violation).hasViolation()).isTrue();
    }

    @Test
    void theProviderSpi_standsAlone_soPluginsNeedNothingElse() {
        classes().that().resideInAPackage("ai.zelto.application.spi.provider..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("ai.zelto.application.spi.provider..", "java..")
                .check(zelto);
    }

    @Test
    void resources_callOnlyDrivingPorts_neverServicesOrDrivenPorts() {
        noClasses().that().resideInAnyPackage("ai.zelto.adapters.http..", "ai.zelto.adapters.web..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.zelto.application.service..",
                        "ai.zelto.application.port.out..")
                .check(zelto);
    }

    @Test
    void adapters_neverDependOnEachOther() {
        List<String> adapters = List.of("http", "web", "mcp", "persistence", "providers", "livekit", "telephony",
                "llm", "storage", "audio");
        for (String adapter : adapters) {
            for (String other : adapters) {
                if (!adapter.equals(other)) {
                    noClasses().that().resideInAPackage("ai.zelto.adapters." + adapter + "..")
                            .should().dependOnClassesThat().resideInAPackage("ai.zelto.adapters." + other + "..")
                            .allowEmptyShould(adapter.equals("livekit") || adapter.equals("telephony")
                                    || adapter.equals("llm") || adapter.equals("mcp"))
                            .check(zelto);
                }
            }
        }
    }

    @Test
    void theCompositionRoot_isUsedByNothing() {
        noClasses().that().resideOutsideOfPackage("ai.zelto.app..")
                .should().dependOnClassesThat().resideInAPackage("ai.zelto.app..")
                .check(zelto);
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("ai.zelto.(**)").should().beFreeOfCycles().check(zelto);
    }

    @Test
    void frameworks_stayInTheirAdapters() {
        noClasses().that().resideOutsideOfPackages("ai.zelto.adapters.persistence..", "ai.zelto.app..")
                .should().dependOnClassesThat().resideInAPackage("org.jdbi..").check(zelto);
        noClasses().that().resideOutsideOfPackages("ai.zelto.adapters.http..", "ai.zelto.adapters.web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.glassfish.jersey..")
                .check(zelto);
        noClasses().that().resideOutsideOfPackage("ai.zelto.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.dropwizard.core..", "io.dropwizard.db..",
                        "io.dropwizard.jdbi3..", "io.zonky..")
                .check(zelto);
        // Migrations live beside their changelogs (ARCHITECTURE.md: "a migration → adapters-persistence").
        noClasses().that().resideOutsideOfPackage("ai.zelto.adapters.persistence..")
                .should().dependOnClassesThat().resideInAPackage("liquibase..").check(zelto);
        noClasses().that().resideOutsideOfPackages("ai.zelto.adapters..", "ai.zelto.app..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(zelto);
    }

    /** ServiceLoader makes plugins through a public constructor without arguments; Trino's SPI asks the same. */
    static final ArchRule PLUGINS_ARE_PUBLIC_FINAL_WITH_A_NO_ARGUMENT_CONSTRUCTOR = classes()
            .that().implement("ai.zelto.application.spi.provider.ProviderPlugin")
            .should().bePublic().andShould().haveModifier(JavaModifier.FINAL)
            .andShould(new ArchCondition<JavaClass>("have a public constructor without arguments") {
                @Override
                public void check(JavaClass plugin, ConditionEvents events) {
                    boolean present = plugin.getConstructors().stream().anyMatch(constructor ->
                            constructor.getRawParameterTypes().isEmpty()
                                    && constructor.getModifiers().contains(JavaModifier.PUBLIC));
                    if (!present) {
                        events.add(SimpleConditionEvent.violated(plugin, plugin.getName()
                                + " has no public constructor without arguments"));
                    }
                }
            });

    @Test
    void pluginImplementations_arePublicFinalWithANoArgumentConstructor() {
        PLUGINS_ARE_PUBLIC_FINAL_WITH_A_NO_ARGUMENT_CONSTRUCTOR.check(zelto);
    }

    @Test
    void canary_aPluginWithoutANoArgumentConstructor_breaksThePluginRule() {
        JavaClasses violation = new ClassFileImporter().importClasses(Canaries.PluginNeedingAnArgument.class);
        assertThat(PLUGINS_ARE_PUBLIC_FINAL_WITH_A_NO_ARGUMENT_CONSTRUCTOR.evaluate(violation).hasViolation())
                .isTrue();
    }
}
