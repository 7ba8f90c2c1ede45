package org.touchpoints.register.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.touchpoints.register.platform.web.Problems;

/** 401 as a problem detail in Russian, with the Basic challenge. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"register\", charset=\"UTF-8\"");
        write(response, HttpStatus.UNAUTHORIZED, "Требуется вход: укажите имя пользователя и пароль");
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Problems.write(response, status, detail);
    }
}
