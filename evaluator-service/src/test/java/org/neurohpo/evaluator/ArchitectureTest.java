package org.neurohpo.evaluator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The evaluator adapts neuro-core and the wire contract: nothing of bayes-core, the other services
 * or the CLI.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.evaluator");

  @Test
  void adaptsOneCore() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neurohpo.bayes..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.cli..",
            "org.neurohpo.optimizer..",
            "org.neurohpo.results..")
        .check(CLASSES);
  }
}
