package org.touchpoints.register.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.touchpoints.register.platform.account.AccountStore;

/**
 * HTTP Basic (API) and a login form (pages) over the accounts table. ADMIN and AUDITOR are global roles from the
 * account; the roles inside a register are checked by the register itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
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
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
            if (account.globalRole() != null) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + account.globalRole()));
            }
            return User.withUsername(account.username()).password(hash).authorities(authorities)
                    .disabled(!account.enabled()).build();
        };
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, Clock clock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new VerifiedCredentialCache(dao, Duration.ofMinutes(2), clock));
    }

    /**
     * One chain for the API and the pages. API clients authenticate with HTTP Basic and get no session; people
     * sign in on the login form and keep a session. CSRF tokens guard every state-changing request that a
     * browser session could carry.
     */
    @Bean
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        ProblemAuthenticationEntryPoint problem = new ProblemAuthenticationEntryPoint();
        RequestMatcher api = request -> pathOf(request).startsWith("/api/") || pathOf(request).startsWith("/actuator/");
        // Only a browser session can be ridden by another site; API calls with their own credentials (or none,
        // which are refused as 401) need no token.
        RequestMatcher apiWithoutSession = request -> api.matches(request)
                && (request.getHeader("Authorization") != null || request.getRequestedSessionId() == null);
        AccessDeniedHandlerImpl pageDenied = new AccessDeniedHandlerImpl();
        pageDenied.setErrorPage("/forbidden");
        http.authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithoutSession))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .httpBasic(basic -> basic.realmName("register").authenticationEntryPoint(problem))
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").defaultSuccessUrl("/", false)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("REGISTER_SESSION"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problem, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, denied) -> ProblemAuthenticationEntryPoint.write(
                                response, HttpStatus.FORBIDDEN, "Действие не разрешено для вашей роли"), api)
                        .defaultAccessDeniedHandlerFor(pageDenied, AnyRequestMatcher.INSTANCE))
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
        return http.build();
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
