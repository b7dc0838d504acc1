package org.caseshare.architecture;

import org.caseshare.CaseshareApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure of DESIGN.md holds: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CaseshareApplication.class);

    @Test
    void modulesRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .contains("org.caseshare.identity", "org.caseshare.directory", "org.caseshare.audit", "org.caseshare.crypto",
                        "org.caseshare.mail", "org.caseshare.system", "org.caseshare.cli", "org.caseshare.decision",
                        "org.caseshare.sharing", "org.caseshare.document", "org.caseshare.custody", "org.caseshare.incident",
                        "org.caseshare.channels", "org.caseshare.metrics", "org.caseshare.retention", "org.caseshare.oversight",
                        "org.caseshare.fhir", "org.caseshare.webhook");
    }

    @Test
    void writeModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
