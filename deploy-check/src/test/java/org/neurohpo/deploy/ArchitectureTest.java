package org.neurohpo.deploy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The deployment checks read the deployment files and talk to what runs: they use no service class
 * and nothing of the CLI.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("org.neurohpo.deploy");

  @Test
  void readsFilesNotServiceClasses() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neurohpo.cli..",
            "org.neurohpo.risp..",
            "org.neurohpo.neuro..",
            "org.neurohpo.bayes..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.testsupport..",
            "org.neurohpo.optimizer..",
            "org.neurohpo.evaluator..",
            "org.neurohpo.results..")
        .check(CLASSES);
  }
}
