package org.neurohpo.bayes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The optimizer knows nothing of spiking networks, Kafka or any framework. */
class ArchitectureTest {
  @Test
  void dependsOnNoNeuromorphicCodeNoKafkaAndNoFramework() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.neurohpo.neuro..",
            "org.neurohpo.risp..",
            "org.apache.kafka..",
            "jakarta..",
            "io.quarkus..",
            "io.smallrye..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.neurohpo.bayes"));
  }
}
