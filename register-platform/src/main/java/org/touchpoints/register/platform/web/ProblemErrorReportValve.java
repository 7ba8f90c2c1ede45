package org.touchpoints.register.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Requests that Tomcat refuses before they reach the application (an encoded slash or a NUL in the path, a
 * malformed request line, headers too large) get the same RFC 9457 problem in Russian as every other error, not
 * Tomcat's HTML page, and the same security headers ({@link SecurityHeaders}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String title = httpStatus == null ? "Ошибка" : Problems.title(httpStatus);
        String detail = status == 400
                ? "Некорректный запрос: недопустимые символы в адресе или заголовках"
                : status == 413
                        ? "Запрос слишком большой"
                        : status == 431
                                ? "Заголовки запроса слишком большие"
                                : status == 408
                                        ? "Запрос не получен вовремя"
                                        : status >= 500 ? "Внутренняя ошибка сервиса" : "Запрос отклонён";
        try {
            SecurityHeaders.apply(response);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone; nothing more to say
        }
    }
}
