package org.caseshare.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The policy module is plain Java: it must run and be tested without Spring. */
class PolicyArchitectureTests {

    private static final JavaClasses POLICY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.caseshare.policy");

    @Test
    void policyDoesNotDependOnSpring() {
        noClasses().that().resideInAPackage("org.caseshare.policy..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .allowEmptyShould(false)
                .check(POLICY);
    }

    @Test
    void onlyTheReaderTouchesYaml() {
        // Keeps the file format a detail: the rules and the public API know nothing of SnakeYAML.
        noClasses().that().resideInAPackage("org.caseshare.policy..")
                .and().doNotHaveSimpleName("PolicyReader").and().doNotHaveSimpleName("RuleReader")
                .and().doNotHaveSimpleName("YamlFields").and().doNotHaveSimpleName("RetentionReader")
                .should().dependOnClassesThat().resideInAPackage("org.yaml..")
                .allowEmptyShould(false)
                .check(POLICY);
    }

    @Test
    void policyNeedsNothingButTheJdkAndSnakeYaml() {
        classes().that().resideInAPackage("org.caseshare.policy..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("org.caseshare.policy..", "java..", "org.yaml.snakeyaml..")
                .allowEmptyShould(false)
                .check(POLICY);
    }
}
