package org.neurohpo.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The wire contract is plain Java with Jackson: no framework, no Kafka client, no other neurohpo
 * module.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.neurohpo.model");

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
            "org.neurohpo.risp..",
            "org.neurohpo.neuro..",
            "org.neurohpo.bayes..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.cli..",
            "org.neurohpo.kafka..",
            "org.neurohpo.optimizer..",
            "org.neurohpo.evaluator..",
            "org.neurohpo.results..")
        .check(CLASSES);
  }
}
