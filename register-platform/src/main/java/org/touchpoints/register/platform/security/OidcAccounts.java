package org.touchpoints.register.platform.security;

import java.util.function.Supplier;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.touchpoints.register.platform.account.Account;
import org.touchpoints.register.platform.account.AccountStore;

/**
 * Maps a person the OpenID Connect provider vouches for onto one of our accounts. The provider is contacted lazily
 * (on the first sign-in or token), so the service starts while the provider is down.
 */
final class OidcAccounts {
    static final String REGISTRATION_ID = "oidc";

    private final OidcProperties properties;
    private final AccountStore accounts;

    OidcAccounts(OidcProperties properties, AccountStore accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    /** Bearer tokens of the API: signature and issuer checked against the provider's published keys. */
    JwtDecoder jwtDecoder() {
        return new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(properties.issuerUri()));
    }

    JwtAuthenticationToken authentication(Jwt jwt) {
        Account account = account(jwt.getClaimAsString(properties.usernameClaim()));
        return new JwtAuthenticationToken(jwt, AccountAuthorities.of(account), account.username());
    }

    ClientRegistrationRepository clientRegistrations() {
        Supplier<ClientRegistration> registration =
                memoized(() -> ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                        .registrationId(REGISTRATION_ID)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .scope("openid", "profile")
                        .userNameAttributeName(properties.usernameClaim())
                        .build());
        return id -> REGISTRATION_ID.equals(id) ? registration.get() : null;
    }

    OidcUserService userService() {
        OidcUserService delegate = new OidcUserService();
        return new OidcUserService() {
            @Override
            public OidcUser loadUser(OidcUserRequest request) {
                OidcUser user = delegate.loadUser(request);
                Account account = account(user.getClaimAsString(properties.usernameClaim()));
                return new DefaultOidcUser(
                        AccountAuthorities.of(account),
                        user.getIdToken(),
                        user.getUserInfo(),
                        properties.usernameClaim());
            }
        };
    }

    private Account account(String username) {
        Account account = username == null ? null : accounts.find(username).orElse(null);
        if (account == null || !account.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    "unknown_account",
                    "Учётная запись не зарегистрирована в системе ведения перечня или отключена",
                    null));
        }
        return account;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
