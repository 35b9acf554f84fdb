package org.neurohpo.bayes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void dependsOnNoFrameworkNorKafkaNorTheLayersAboveIt() {
    noClasses()
        .that()
        .resideInAPackage("org.neurohpo.bayes..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "io.quarkus..",
            "io.smallrye..",
            "org.eclipse.microprofile..",
            "picocli..",
            "org.apache.kafka..",
            "org.neurohpo.model..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.cli..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.neurohpo.bayes"));
  }

  @Test
  void bayesCoreKnowsNothingOfSpikingNetworks() {
    noClasses()
        .that()
        .resideInAPackage("org.neurohpo.bayes..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.neurohpo.neuro..", "org.neurohpo.risp..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.neurohpo.bayes"));
  }
}
