package org.neurohpo.optimizer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JWT settings: off without a key, and a clear message when they do not fit together. */
class BearerAuthenticationTest {
  private record Jwt(
      Optional<String> publicKeyLocation,
      Optional<String> issuer,
      Optional<List<String>> audience,
      Optional<String> adminGroup,
      Duration clockSkew)
      implements AuthConfig.Jwt {}

  @Test
  void jwtIsOffWithoutAKeyLocation() {
    Jwt none =
        new Jwt(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO);
    assertThat(BearerAuthentication.verifierOf(none)).isEmpty();
  }

  @Test
  void jwtSettingsWithoutAKeyLocationAreAnError() {
    Jwt issuerOnly =
        new Jwt(
            Optional.empty(),
            Optional.of("https://id.example"),
            Optional.empty(),
            Optional.empty(),
            Duration.ZERO);
    assertThatThrownBy(() -> BearerAuthentication.verifierOf(issuerOnly))
        .hasMessage(
            "neurohpo.auth.jwt.* is set but neurohpo.auth.jwt.public-key-location is not: JWT"
                + " needs the provider's public key");
  }

  @Test
  void aKeyLocationNeedsAnIssuer(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("key.pem"), TestJwts.pem(TestJwts.rsa().getPublic()));
    Jwt noIssuer =
        new Jwt(
            Optional.of(pem.toString()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Duration.ZERO);
    assertThatThrownBy(() -> BearerAuthentication.verifierOf(noIssuer))
        .hasMessage(
            "neurohpo.auth.jwt.issuer is required with neurohpo.auth.jwt.public-key-location");
    Jwt complete =
        new Jwt(
            Optional.of(pem.toString()),
            Optional.of("https://id.example"),
            Optional.of(List.of("neurohpo")),
            Optional.of("admins"),
            Duration.ofSeconds(60));
    assertThat(BearerAuthentication.verifierOf(complete)).isPresent();
  }
}
