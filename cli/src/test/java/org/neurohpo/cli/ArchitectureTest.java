package org.neurohpo.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CLI is picocli over the cores and processes it starts: not a Quarkus application, and it
 * talks to the services only over their APIs and topics.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.cli");

  @Test
  void isNoQuarkusApplication() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..", "io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..")
        .check(CLASSES);
  }

  @Test
  void usesNoServiceClasses() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neurohpo.optimizer..",
            "org.neurohpo.evaluator..",
            "org.neurohpo.results..",
            "org.neurohpo.testsupport..")
        .check(CLASSES);
  }
}
