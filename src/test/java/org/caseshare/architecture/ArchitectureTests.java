package org.caseshare.architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** House rules that keep the code safe to change. Each rule fails if it matches nothing. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.caseshare");

    @Test
    void randomnessComesFromSecureRandomOnly() {
        ArchRule rule = noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().callMethod(Math.class, "random")
                .allowEmptyShould(false);
        rule.check(MAIN);
    }

    @Test
    void onlyTheCryptoModuleTouchesCipherApis() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.caseshare.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "com.google.crypto.tink..", "org.bouncycastle..")
                .allowEmptyShould(false);
        rule.check(MAIN);
    }

    @Test
    void controllersDoNotTouchRepositoriesOfOtherModules() {
        ArchRule rule = classes().that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should(new ArchCondition<JavaClass>("use only their own module's repositories") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (target.isAnnotatedWith(org.springframework.stereotype.Repository.class)
                                    && !module(target).equals(module(controller))) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(false);
        rule.check(MAIN);
    }

    private static String module(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    @Test
    void nothingPrintsToTheConsoleExceptTheCommandLine() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.caseshare.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .allowEmptyShould(false);
        rule.check(MAIN);
    }

    /**
     * A module that only tells the sharing register that a recipient has the information publishes an
     * event the register listens to (ADR 0014); it does not call the register's confirmation verbs.
     */
    @Test
    void otherModulesReportReceiptByEventNotByCallingTheRegister() {
        Set<String> verbs = Set.of("confirmReceiptBySecureHub", "confirmRequestedFilesReceived", "confirmReceiptByRecipient");
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.caseshare.sharing..")
                .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a receipt confirmation on the sharing register") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().getName().equals("org.caseshare.sharing.SharingRegister") && verbs.contains(call.getName());
                    }
                })
                .allowEmptyShould(false);
        rule.check(MAIN);
    }

    /**
     * Whoever is acting is a {@code system.Actor} everywhere; Spring Security's principal
     * ({@code identity.CurrentUser}) is identity's own business, so other modules cannot come to
     * depend on how a person signed in.
     */
    @Test
    void onlyIdentitySeesTheSecurityPrincipal() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.caseshare.identity..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.caseshare.identity.CurrentUser")
                .allowEmptyShould(false);
        rule.check(MAIN);
    }
}
