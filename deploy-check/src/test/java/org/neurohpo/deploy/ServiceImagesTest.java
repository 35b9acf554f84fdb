package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each service builds its image with Jib, only on request, under the name deployments use. */
class ServiceImagesTest {
  static final List<String> MODULES = DeployFiles.SERVICE_MODULES;

  @ParameterizedTest
  @FieldSource("MODULES")
  void pomHasTheJibExtensionWithTheBomVersion(String module) throws Exception {
    ServiceConfig service = DeployFiles.service(module);
    List<Element> jib = dependencies(service, "quarkus-container-image-jib");
    assertThat(jib)
        .as("%s/pom.xml: dependency io.quarkus:quarkus-container-image-jib", module)
        .hasSize(1);
    assertThat(jib.get(0).getElementsByTagName("version").getLength())
        .as(
            "%s/pom.xml: quarkus-container-image-jib takes its version from the Quarkus BOM",
            module)
        .isZero();
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void pomHasHealthAndPrometheusBehindTheProbeAndScrapePaths(String module) throws Exception {
    ServiceConfig service = DeployFiles.service(module);
    assertThat(dependencies(service, "quarkus-smallrye-health"))
        .as(
            "%s/pom.xml: quarkus-smallrye-health serves %s and %s",
            module, DeployFiles.LIVE_PATH, DeployFiles.READY_PATH)
        .hasSize(1);
    assertThat(dependencies(service, "quarkus-micrometer-registry-prometheus"))
        .as(
            "%s/pom.xml: quarkus-micrometer-registry-prometheus serves %s",
            module, DeployFiles.METRICS_PATH)
        .hasSize(1);
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void imageIsNamedAfterTheModuleInGroupNeurohpo(String module) {
    ServiceConfig service = DeployFiles.service(module);
    assertThat(service.property("quarkus.container-image.group"))
        .as("%s: quarkus.container-image.group", service.where())
        .isEqualTo("neurohpo");
    assertThat(service.property("quarkus.container-image.name"))
        .as("%s: quarkus.container-image.name", service.where())
        .isEqualTo(module);
    assertThat(service.image()).isEqualTo("neurohpo/" + module + ":" + DeployFiles.version());
  }

  @ParameterizedTest
  @FieldSource("MODULES")
  void imageIsBuiltOnlyOnRequestAndExposesTheHttpPort(String module) {
    ServiceConfig service = DeployFiles.service(module);
    assertThat(service.properties().getProperty("quarkus.container-image.build", "false").trim())
        .as("%s: quarkus.container-image.build stays off (-D turns it on)", service.where())
        .isEqualTo("false");
    assertThat(service.properties().getProperty("quarkus.container-image.push", "false").trim())
        .as("%s: quarkus.container-image.push stays off", service.where())
        .isEqualTo("false");
    assertThat(service.property("quarkus.jib.ports"))
        .as("%s: quarkus.jib.ports is the HTTP port", service.where())
        .isEqualTo(String.valueOf(service.httpPort()));
  }

  /** The pom's dependencies with this artifactId. */
  private static List<Element> dependencies(ServiceConfig service, String artifactId)
      throws Exception {
    var doc =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(service.pomFile().toFile());
    NodeList deps = doc.getElementsByTagName("dependency");
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      NodeList ids = dep.getElementsByTagName("artifactId");
      if (ids.getLength() > 0 && ids.item(0).getTextContent().trim().equals(artifactId)) {
        found.add(dep);
      }
    }
    return found;
  }
}
