package org.neurohpo.experiments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The designs and the run-folder format are plain Java: no framework, no Kafka client; the CLI, the
 * reports and the services sit above them.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.experiments");

  @Test
  void dependsOnNoFrameworkNorKafka() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..",
            "io.quarkus..",
            "io.smallrye..",
            "org.eclipse.microprofile..",
            "picocli..",
            "org.apache.kafka..")
        .check(CLASSES);
  }

  @Test
  void knowsNothingOfTheLayersAboveIt() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neurohpo.report..",
            "org.neurohpo.cli..",
            "org.neurohpo.kafka..",
            "org.neurohpo.testsupport..",
            "org.neurohpo.optimizer..",
            "org.neurohpo.evaluator..",
            "org.neurohpo.results..")
        .check(CLASSES);
  }
}
