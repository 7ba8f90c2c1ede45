package org.touchpoints.register.platform.security;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.touchpoints.register.platform.account.AccountStore;
import org.touchpoints.register.platform.web.DatabaseUnavailable;
import org.touchpoints.register.platform.web.SecurityHeaders;

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
            return User.withUsername(account.username())
                    .password(hash)
                    .authorities(AccountAuthorities.of(account))
                    .disabled(!account.enabled())
                    .build();
        };
    }

    /**
     * Failed sign-ins per account and per address ({@code register.sign-in.*}): past the threshold within the window,
     * attempts are refused with 429 for the penalty, the password unchecked.
     */
    @Bean
    SignInThrottle signInThrottle(
            Clock clock,
            @Value("${register.sign-in.account-failures:5}") int accountFailures,
            @Value("${register.sign-in.address-failures:20}") int addressFailures,
            @Value("${register.sign-in.window:15m}") Duration window,
            @Value("${register.sign-in.penalty:15m}") Duration penalty) {
        return new SignInThrottle(clock, accountFailures, addressFailures, window, penalty);
    }

    /**
     * No observations of the security filter chain, its authentications and authorizations: with an observation
     * registry (the actuator's), Spring Security wraps each of its ~15 filters of every request in one (JFR at K = 8:
     * ~7 % of the request threads' samples), and nothing here reads them; {@code http.server.requests} stays.
     */
    @Bean
    ObservationPredicate noSecurityObservations() {
        return (name, context) -> !name.startsWith("spring.security.");
    }

    /**
     * Nor the wrappers that would make them: with the predicate alone Spring Security still wraps every filter of the
     * chain, the authentication manager and the authorization managers in observation decorators whose observations
     * the predicate then drops (JFR at K = 8: ~3 % of the request threads' samples in the decorators and the no-op
     * observations). With these settings the chain is built undecorated.
     */
    @Bean
    SecurityObservationSettings noSecurityObservationDecorators() {
        return SecurityObservationSettings.noObservations();
    }

    /** Passwords checked by BCrypt behind the throttle, then remembered as verified for two minutes (STACK.md on Basic). */
    @Bean
    PasswordSignIn passwordSignIn(
            UserDetailsService users,
            PasswordEncoder encoder,
            Clock clock,
            SignInThrottle throttle,
            AccountStore accounts) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new PasswordSignIn(dao, new VerifiedCredentialCache(Duration.ofMinutes(2), clock), throttle, accounts);
    }

    /**
     * One chain for the API and the pages. API clients authenticate with HTTP Basic and get no session; people
     * sign in on the login form and keep a session. CSRF tokens guard every state-changing request that a
     * browser session could carry.
     */
    @Bean
    SecurityFilterChain web(HttpSecurity http, PasswordSignIn passwords, OidcProperties oidc, AccountStore accounts)
            throws Exception {
        ProblemAuthenticationEntryPoint problem = new ProblemAuthenticationEntryPoint();
        RequestMatcher api = request ->
                pathOf(request).startsWith("/api/") || pathOf(request).startsWith("/actuator/");
        // Only a browser session can be ridden by another site; API calls with their own credentials (or none,
        // which are refused as 401) need no token.
        RequestMatcher apiWithoutSession = request -> api.matches(request)
                && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
        AccessDeniedHandlerImpl pageDenied = new AccessDeniedHandlerImpl();
        pageDenied.setErrorPage("/forbidden");
        // A session is opened by signing in, or by the login form (its CSRF token); an anonymous request gets none:
        // no saved request, no CSRF token stored for a stranger's refused POST.
        AuthenticationSuccessHandler signedIn = stamped(accounts, new ReturnToNext());
        // Only the providers of this chain decide: no global parent that would check a refused password a second time
        // (a second BCrypt, past the throttle).
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.authenticationProvider(passwords)
                .addFilterAfter(new AccountSessions(accounts), SecurityContextHolderFilter.class)
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithoutSession)
                        .csrfTokenRepository(new NoSessionForStrangers(new HttpSessionCsrfTokenRepository())))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("REGISTER_SESSION"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problem, api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, denied) -> ProblemAuthenticationEntryPoint.write(
                                        response, HttpStatus.FORBIDDEN, "Действие не разрешено для вашей роли"),
                                api)
                        .defaultAccessDeniedHandlerFor(new SessionEndedHandler(pageDenied), AnyRequestMatcher.INSTANCE))
                .headers(h -> h.contentSecurityPolicy(
                                csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health/**",
                                "/actuator/health",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/error",
                                "/login",
                                "/public",
                                "/public/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/forbidden")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/calendar/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        if (oidc.localAccounts()) {
            // Basic requests carry their credentials each time: they get no session (RequestAttribute repository).
            http.httpBasic(basic -> basic.realmName("register")
                            .authenticationEntryPoint(problem)
                            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                    .formLogin(form -> form.loginPage("/login")
                            .successHandler(signedIn)
                            .failureHandler(SecurityConfiguration::formSignInFailed)
                            .permitAll());
        }
        if (oidc.enabled()) {
            OidcAccounts provider = new OidcAccounts(oidc, accounts);
            http.oauth2ResourceServer(rs -> rs.authenticationEntryPoint(problem)
                    .jwt(jwt ->
                            jwt.decoder(provider.jwtDecoder()).jwtAuthenticationConverter(provider::authentication)));
            if (oidc.loginEnabled()) {
                http.oauth2Login(login -> login.loginPage("/login")
                        .failureUrl("/login?error")
                        .successHandler(signedIn)
                        .clientRegistrationRepository(provider.clientRegistrations())
                        .userInfoEndpoint(user -> user.oidcUserService(provider.userService())));
            }
        }
        return http.build();
    }

    /** The login form after a refusal: a throttled sign-in says how long to wait, anything else «неверное имя…». */
    private static void formSignInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        String query = e instanceof SignInThrottledException throttled
                ? "throttled=" + throttled.retryAfterMinutes()
                : DatabaseUnavailable.causedBy(e) ? "unavailable" : "error";
        String next = SessionEndedHandler.safeReturnPath(request.getParameter("next"));
        response.sendRedirect(request.getContextPath() + "/login?" + query
                + (next == null
                        ? ""
                        : "&next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * After signing in: the page named by the login form's {@code next} (a page whose form was sent after the session
     * ended, see {@link SessionEndedHandler}) when it is a safe path of this site, else the start page.
     */
    private static final class ReturnToNext extends SimpleUrlAuthenticationSuccessHandler {
        ReturnToNext() {
            super("/");
        }

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
            String next = SessionEndedHandler.safeReturnPath(request.getParameter("next"));
            return next != null ? next : super.determineTargetUrl(request, response);
        }
    }

    private static AuthenticationSuccessHandler stamped(AccountStore accounts, AuthenticationSuccessHandler then) {
        return (request, response, authentication) -> {
            AccountSessions.remember(request, accounts, authentication.getName());
            then.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Stores a CSRF token only in an existing session, or for the login form (whose session is the one a stranger
     * may open): a stranger's POST elsewhere is refused without a session being made for it.
     */
    private record NoSessionForStrangers(CsrfTokenRepository delegate) implements CsrfTokenRepository {
        @Override
        public CsrfToken generateToken(HttpServletRequest request) {
            return delegate.generateToken(request);
        }

        @Override
        public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
            if (token == null
                    || request.getSession(false) != null
                    || ("GET".equals(request.getMethod()) && "/login".equals(pathOf(request)))) {
                delegate.saveToken(token, request, response);
            }
        }

        @Override
        public CsrfToken loadToken(HttpServletRequest request) {
            return delegate.loadToken(request);
        }
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
