package org.touchpoints.register.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.platform.web.Problems;

/**
 * A path that Spring Security's firewall refuses (".." segments, ";", an encoded "%" or "/", a backslash) gets a
 * 400 problem in Russian like every other refusal, instead of the servlet container's error page.
 */
@Component
class RequestRejectedProblem implements RequestRejectedHandler {
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        Problems.write(
                response,
                HttpStatus.BAD_REQUEST,
                "Некорректный запрос: недопустимые символы или последовательности в адресе");
    }
}
