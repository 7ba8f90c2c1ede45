package org.touchpoints.register.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.touchpoints.register.api.row.Text;

/**
 * Query parameters are ids, dates, numbers and names of values: a parameter that is not valid UTF-8 or holds a
 * control character (a NUL, which PostgreSQL cannot even compare) is refused with 400 before any of it is used.
 */
@Component
public class QueryParameterGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() != null) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException undecodable) { // Tomcat's InvalidParameterException
                Problems.write(
                        response, HttpStatus.BAD_REQUEST, "Некорректный запрос: параметры адреса не в кодировке UTF-8");
                return;
            }
            for (Map.Entry<String, String[]> p : parameters.entrySet()) {
                for (String value : p.getValue()) {
                    if (Text.hasControlCharacters(p.getKey()) || Text.hasControlCharacters(value)) {
                        Problems.write(
                                response,
                                HttpStatus.BAD_REQUEST,
                                "Некорректный запрос: недопустимые символы в параметрах адреса");
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
