package org.touchpoints.register.platform.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.touchpoints.register.platform.account.AccountStore;

/**
 * HTTP Basic (API) and a login form (pages) over the accounts table, and OpenID Connect beside or instead of them
 * when configured ({@link OidcProperties}). ADMIN and AUDITOR are global roles from the
 * account; the roles inside a register are checked by the register itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(OidcProperties.class)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AccountStore accounts) {
        return username -> {
            var account = accounts.find(username)
                    .orElseThrow(() -> new UsernameNotFoundException("Неизвестная учётная запись"));
            String hash = accounts.passwordHash(username)
                    .orElseThrow(() -> new UsernameNotFoundException("Неизвестная учётная запись"));
            return User.withUsername(account.username()).password(hash).authorities(AccountAuthorities.of(account))
                    .disabled(!account.enabled()).build();
        };
    }

    /** Passwords checked by BCrypt, then remembered as verified for two minutes (see STACK.md on HTTP Basic). */
    private static VerifiedCredentialCache passwordAuthentication(UserDetailsService users, PasswordEncoder encoder,
                                                                  Clock clock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new VerifiedCredentialCache(dao, Duration.ofMinutes(2), clock);
    }

    /**
     * One chain for the API and the pages. API clients authenticate with HTTP Basic and get no session; people
     * sign in on the login form and keep a session. CSRF tokens guard every state-changing request that a
     * browser session could carry.
     */
    @Bean
    SecurityFilterChain web(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder, Clock clock,
                            OidcProperties oidc, AccountStore accounts) throws Exception {
        VerifiedCredentialCache passwords = passwordAuthentication(users, encoder, clock);
        ProblemAuthenticationEntryPoint problem = new ProblemAuthenticationEntryPoint();
        RequestMatcher api = request -> pathOf(request).startsWith("/api/") || pathOf(request).startsWith("/actuator/");
        // Only a browser session can be ridden by another site; API calls with their own credentials (or none,
        // which are refused as 401) need no token.
        RequestMatcher apiWithoutSession = request -> api.matches(request)
                && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
        AccessDeniedHandlerImpl pageDenied = new AccessDeniedHandlerImpl();
        pageDenied.setErrorPage("/forbidden");
        http.authenticationProvider(passwords)
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithoutSession))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("REGISTER_SESSION"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problem, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> ProblemAuthenticationEntryPoint.write(
                                response, HttpStatus.FORBIDDEN, "Действие не разрешено для вашей роли"), api)
                        .defaultAccessDeniedHandlerFor(new SessionEndedHandler(pageDenied), AnyRequestMatcher.INSTANCE))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; "
                                + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error",
                                "/login", "/public", "/public/**", "/css/**", "/js/**", "/favicon.ico", "/forbidden")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/calendar/**").permitAll()
                        .anyRequest().authenticated());
        if (oidc.localAccounts()) {
            // Basic requests carry their credentials each time: they get no session (RequestAttribute repository).
            http.httpBasic(basic -> basic.realmName("register").authenticationEntryPoint(problem)
                            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                    .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false)
                            .permitAll());
        }
        if (oidc.enabled()) {
            OidcAccounts provider = new OidcAccounts(oidc, accounts);
            http.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(problem)
                    .jwt(jwt -> jwt.decoder(provider.jwtDecoder()).jwtAuthenticationConverter(provider::authentication)));
            if (oidc.loginEnabled()) {
                http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?error")
                        .defaultSuccessUrl("/", false)
                        .clientRegistrationRepository(provider.clientRegistrations())
                        .userInfoEndpoint(user -> user.oidcUserService(provider.userService())));
            }
        }
        return http.build();
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
