package org.neurohpo.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the plain-Java cores: no framework, no Kafka, nothing of the CLI or the
 * services.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.benchmarks");

  @Test
  void measuresTheCoresOnly() {
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
            "org.neurohpo.cli..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.kafka..",
            "org.neurohpo.testsupport..",
            "org.neurohpo.optimizer..",
            "org.neurohpo.evaluator..",
            "org.neurohpo.results..")
        .check(CLASSES);
  }
}
