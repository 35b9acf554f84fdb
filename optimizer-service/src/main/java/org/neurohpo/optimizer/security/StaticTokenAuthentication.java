package org.neurohpo.optimizer.security;

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
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Quarkus Security with static bearer tokens ({@code Authorization: Bearer TOKEN}): a request with
 * a known token is the token's owner, with role {@code user} (and {@code admin} for the configured
 * admins); a request without one is anonymous, which reads but cannot write; an unknown token is
 * refused (401).
 */
@ApplicationScoped
public class StaticTokenAuthentication
    implements HttpAuthenticationMechanism, IdentityProvider<TokenAuthenticationRequest> {
  private static final Logger LOG = Logger.getLogger(StaticTokenAuthentication.class);
  private static final String BEARER = "bearer ";

  private final Tokens tokens;

  @Inject
  public StaticTokenAuthentication(AuthConfig config) {
    this.tokens = new Tokens(config.tokens().orElse(""), config.admins().orElse(List.of()));
    if (!tokens.any()) {
      LOG.warn(
          "no tokens configured (neurohpo.auth.tokens / NEUROHPO_AUTH_TOKENS): nobody can create"
              + " or stop studies");
    }
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Uni.createFrom().optional(java.util.Optional.empty()); // anonymous
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
    return tokens
        .ownerOf(request.getToken().getToken())
        .map(
            owner -> {
              QuarkusSecurityIdentity.Builder b =
                  QuarkusSecurityIdentity.builder()
                      .setPrincipal(new QuarkusPrincipal(owner))
                      .addRole("user");
              if (tokens.isAdmin(owner)) {
                b.addRole("admin");
              }
              return Uni.createFrom().<SecurityIdentity>item(b.build());
            })
        .orElseGet(
            () -> Uni.createFrom().failure(new AuthenticationFailedException("unknown token")));
  }
}
