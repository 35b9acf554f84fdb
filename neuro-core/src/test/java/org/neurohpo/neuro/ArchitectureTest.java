package org.neurohpo.neuro;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The science is plain Java: no framework, no Kafka, no optimizer. */
class ArchitectureTest {
  @Test
  void dependsOnNoFrameworkNoKafkaAndNotOnTheOptimizer() {
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
            "org.neurohpo.bayes..",
            "org.neurohpo.model..",
            "org.neurohpo.experiments..",
            "org.neurohpo.report..",
            "org.neurohpo.cli..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.neurohpo.neuro"));
  }
}
