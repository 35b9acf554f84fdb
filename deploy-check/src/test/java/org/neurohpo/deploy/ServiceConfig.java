package org.neurohpo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** One service's src/main/resources/application.properties and pom.xml. */
record ServiceConfig(String module, Path propertiesFile, Properties properties, Path pomFile) {
  /** Quarkus' HTTP port when quarkus.http.port is not set. */
  static final int QUARKUS_DEFAULT_HTTP_PORT = 8080;

  static ServiceConfig load(Path root, String module) {
    Path file = root.resolve(module).resolve("src/main/resources/application.properties");
    assertThat(file).as("%s application.properties", module).exists();
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ServiceConfig(module, file, p, root.resolve(module).resolve("pom.xml"));
  }

  /** The name of the compose service and the Kubernetes Deployment: "optimizer" and so on. */
  String shortName() {
    return module.replace("-service", "");
  }

  /** "optimizer-service/src/main/resources/application.properties", for failure messages. */
  String where() {
    return module + "/src/main/resources/application.properties";
  }

  int httpPort() {
    String port = properties.getProperty("quarkus.http.port");
    return port == null ? QUARKUS_DEFAULT_HTTP_PORT : Integer.parseInt(port.trim());
  }

  /** A property that must be set. */
  String property(String key) {
    String value = properties.getProperty(key);
    assertThat(value).as("%s: %s", where(), key).isNotBlank();
    return value.trim();
  }

  /** The Jib image, group/name:tag, with the tag's ${quarkus.application.version} resolved. */
  String image() {
    String tag = property("quarkus.container-image.tag");
    tag = tag.replace("${quarkus.application.version}", DeployFiles.version());
    assertThat(tag).as("%s: quarkus.container-image.tag resolved", where()).doesNotContain("${");
    return property("quarkus.container-image.group")
        + "/"
        + property("quarkus.container-image.name")
        + ":"
        + tag;
  }

  String pom() {
    try {
      return Files.readString(pomFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
