package org.neurohpo.results;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The results service aggregates events of the wire contract: no core, nothing of the other
 * services or the CLI.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.results");

  @Test
  void needsNoCore() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neurohpo.risp..",
            "org.neurohpo.neuro..",
            "org.neurohpo.bayes..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.cli..",
            "org.neurohpo.optimizer..",
            "org.neurohpo.evaluator..")
        .check(CLASSES);
  }
}
