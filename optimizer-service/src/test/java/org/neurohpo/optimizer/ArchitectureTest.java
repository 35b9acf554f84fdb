package org.neurohpo.optimizer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The optimizer adapts bayes-core and the wire contract: nothing of neuro-core, the other services
 * or the CLI.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.optimizer");

  @Test
  void adaptsOneCore() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neurohpo.risp..",
            "org.neurohpo.neuro..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.cli..",
            "org.neurohpo.evaluator..",
            "org.neurohpo.results..")
        .check(CLASSES);
  }
}
