package org.neurohpo.optimizer.security;

import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Quarkus Security with bearer tokens ({@code Authorization: Bearer TOKEN}): a static token (see
 * {@link Tokens}) or, when configured, a JWT of an OIDC provider (see {@link JwtVerifier}). A
 * request with a valid one is its owner, with role {@code user}, and {@code admin} for the
 * configured admins and the JWT admin group; a request without one is anonymous, which reads but
 * cannot write; any other token is refused (401, the reason logged at DEBUG).
 */
@Startup
@ApplicationScoped
public class BearerAuthentication
    implements HttpAuthenticationMechanism, IdentityProvider<TokenAuthenticationRequest> {
  private static final Logger LOG = Logger.getLogger(BearerAuthentication.class);
  private static final String BEARER = "bearer ";

  private final Tokens tokens;
  private final Optional<JwtVerifier> jwt;
  private final Optional<String> adminGroup;

  @Inject
  public BearerAuthentication(AuthConfig config) {
    this.tokens = new Tokens(config.tokens().orElse(""), config.admins().orElse(List.of()));
    this.jwt = verifierOf(config.jwt());
    this.adminGroup = config.jwt().adminGroup();
    if (!tokens.any() && jwt.isEmpty()) {
      LOG.warn(
          "no tokens (NEUROHPO_AUTH_TOKENS) and no JWT key (NEUROHPO_AUTH_JWT_PUBLIC_KEY_LOCATION)"
              + " configured: nobody can create or stop studies");
    }
  }

  /**
   * The verifier that {@code c} configures, or none; a message naming the setting if it is wrong.
   */
  static Optional<JwtVerifier> verifierOf(AuthConfig.Jwt c) {
    if (c.publicKeyLocation().isEmpty()) {
      if (c.issuer().isPresent() || c.audience().isPresent() || c.adminGroup().isPresent()) {
        throw new IllegalArgumentException(
            "neurohpo.auth.jwt.* is set but neurohpo.auth.jwt.public-key-location is not: JWT"
                + " needs the provider's public key");
      }
      return Optional.empty();
    }
    JwtKeys keys = JwtKeys.read(Path.of(c.publicKeyLocation().get()));
    JwtVerifier verifier =
        new JwtVerifier(
            keys,
            c.issuer().orElse(null),
            Set.copyOf(c.audience().orElse(List.of())),
            c.clockSkew(),
            Clock.systemUTC());
    LOG.infof("JWT bearer tokens of %s accepted (%d key(s))", c.issuer().get(), keys.size());
    return Optional.of(verifier);
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Uni.createFrom().optional(Optional.empty()); // anonymous
    }
    String token = header.substring(BEARER.length()).trim();
    return identityProviderManager.authenticate(
        new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"neurohpo\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String token = request.getToken().getToken();
    Optional<String> owner = tokens.ownerOf(token);
    if (owner.isPresent()) {
      return identity(owner.get(), tokens.isAdmin(owner.get()));
    }
    if (jwt.isPresent() && JwtVerifier.looksLikeJwt(token)) {
      try {
        JwtVerifier.Caller caller = jwt.get().verify(token);
        boolean admin =
            tokens.isAdmin(caller.name())
                || adminGroup.map(caller.groups()::contains).orElse(false);
        return identity(caller.name(), admin);
      } catch (JwtVerifier.Rejected e) {
        LOG.debugf("JWT refused: %s", e.getMessage());
        return Uni.createFrom().failure(new AuthenticationFailedException("invalid JWT"));
      }
    }
    return Uni.createFrom().failure(new AuthenticationFailedException("unknown token"));
  }

  private static Uni<SecurityIdentity> identity(String owner, boolean admin) {
    QuarkusSecurityIdentity.Builder b =
        QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(owner)).addRole("user");
    if (admin) {
      b.addRole("admin");
    }
    return Uni.createFrom().item(b.build());
  }
}
