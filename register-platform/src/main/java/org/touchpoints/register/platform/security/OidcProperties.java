package org.touchpoints.register.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Production sign-in through an OpenID Connect provider (the region's identity provider). Off unless
 * {@code issuerUri} is set ({@code REGISTER_OIDC_ISSUER_URI}). People sign in on the provider's page; API clients
 * send the provider's access tokens as {@code Authorization: Bearer}. Either way the token's {@code usernameClaim}
 * names an account of ours, which carries the roles: a person the provider knows but we do not is refused.
 *
 * @param issuerUri     the provider's issuer, e.g. {@code https://sso.region.gov.ru/realms/authorities}
 * @param clientId      this application's client id at the provider (for the login form)
 * @param clientSecret  its secret, from the environment only ({@code REGISTER_OIDC_CLIENT_SECRET})
 * @param usernameClaim the claim that carries our account's username
 * @param localAccounts whether the local password sign-in stays on beside it
 */
@ConfigurationProperties("register.oidc")
public record OidcProperties(
        String issuerUri, String clientId, String clientSecret, String usernameClaim, Boolean localAccounts) {
    public OidcProperties {
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        localAccounts = localAccounts == null || localAccounts;
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    public boolean loginEnabled() {
        return enabled() && clientId != null && !clientId.isBlank();
    }
}
