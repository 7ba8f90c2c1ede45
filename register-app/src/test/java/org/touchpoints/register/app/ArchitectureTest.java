package org.touchpoints.register.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The modules stay apart: api depends on nothing of ours; command and query never see each other. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.touchpoints.register");
    }

    @Test
    void theApiHoldsNoSpringNoJpaAndNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("..register.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "..register.command..",
                        "..register.query..",
                        "..register.platform..",
                        "..register.app..")
                .check(classes);
    }

    @Test
    void theCommandSideDoesNotDependOnTheQuerySide() {
        noClasses()
                .that()
                .resideInAPackage("..register.command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..register.query..", "..register.app..")
                .check(classes);
    }

    /**
     * A command is answered from what the register decided, never by asking the read side (on Axon Server, with no
     * query replica up, such a call turned a recorded approval into a 500): no query gateway, no query bus.
     */
    @Test
    void theCommandSideAsksTheQuerySideNothing() {
        noClasses()
                .that()
                .resideInAPackage("..register.command..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.axonframework.queryhandling..")
                .check(classes);
    }

    @Test
    void theQuerySideDoesNotDependOnTheCommandSide() {
        noClasses()
                .that()
                .resideInAPackage("..register.query..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..register.command..", "..register.app..")
                .check(classes);
    }

    @Test
    void thePlatformKnowsNeitherSide() {
        noClasses()
                .that()
                .resideInAPackage("..register.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..register.command..", "..register.query..")
                .check(classes);
    }

    @Test
    void aggregatesReadNoClockAndDrawNoRandomness() {
        noClasses()
                .that()
                .resideInAPackage("..register.command.register..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.util.UUID.class, "randomUUID")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .check(classes);
    }
}
