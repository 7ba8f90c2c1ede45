package org.touchpoints.register.platform.web;

import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat with {@link ProblemErrorReportValve} in place of its HTML error page, {@link RequestBodyGuard} in front of
 * the application ({@code register.web.bodies.*}), and a bounded number of request headers
 * ({@code register.web.max-header-count}). Timeouts and sizes are Spring Boot's {@code server.tomcat.*} settings in
 * each application's {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatErrorPages {
    @Bean
    TomcatServletWebServerFactory tomcatServletWebServerFactory(
            @Value("${register.web.bodies.max-concurrent:64}") int maxBodies,
            @Value("${register.web.bodies.max-concurrent-per-address:16}") int maxBodiesPerAddress,
            @Value("${register.web.bodies.min-bytes-per-second:1024}") long minBytesPerSecond,
            @Value("${register.web.bodies.grace:10s}") java.time.Duration grace,
            @Value("${register.web.max-header-count:100}") int maxHeaderCount,
            @Value("${server.tomcat.max-swallow-size:2MB}") org.springframework.util.unit.DataSize maxSwallow) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory() {
            @Override
            protected TomcatWebServer getTomcatWebServer(org.apache.catalina.startup.Tomcat tomcat) {
                ((StandardHost) tomcat.getHost()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                return super.getTomcatWebServer(tomcat);
            }
        };
        factory.addContextValves(new RequestBodyGuard(
                maxBodies, maxBodiesPerAddress, minBytesPerSecond, grace.toMillis(), maxSwallow.toBytes()));
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxHeaderCount(maxHeaderCount);
            }
        });
        return factory;
    }
}
