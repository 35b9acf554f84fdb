package org.neurohpo.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The services' test resource starts a broker: it knows nothing of the services, the CLI or the
 * cores.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.testsupport");

  @Test
  void knowsNoServiceNorTheCli() {
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
            "org.neurohpo.optimizer..",
            "org.neurohpo.evaluator..",
            "org.neurohpo.results..")
        .check(CLASSES);
  }
}
