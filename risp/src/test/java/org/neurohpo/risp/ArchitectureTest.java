package org.neurohpo.risp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The simulator is plain Java: no framework, no other neurohpo module. */
class ArchitectureTest {
  @Test
  void dependsOnNoFrameworkAndNoOtherModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "io.quarkus..",
            "io.smallrye..",
            "org.eclipse.microprofile..",
            "picocli..",
            "org.apache.kafka..",
            "org.neurohpo.neuro..",
            "org.neurohpo.bayes..",
            "org.neurohpo.model..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.cli..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.neurohpo.risp"));
  }
}
