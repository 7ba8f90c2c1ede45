package org.touchpoints.register.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.touchpoints.register.platform.web.DatabaseUnavailable;
import org.touchpoints.register.platform.web.Problems;

/**
 * 401 as a problem detail in Russian, with the Basic challenge; 503 when the account could not be looked up
 * because the database is unavailable (that is not a wrong password).
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseUnavailable.causedBy(e)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            write(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
            return;
        }
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Слишком много неудачных попыток входа для этой учётной записи "
                            + "или с этого адреса; повторите через " + throttled.retryAfterMinutes() + " мин.");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"register\", charset=\"UTF-8\"");
        write(response, HttpStatus.UNAUTHORIZED, "Требуется вход: укажите имя пользователя и пароль");
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Problems.write(response, status, detail);
    }
}
