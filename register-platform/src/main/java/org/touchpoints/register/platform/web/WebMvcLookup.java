package org.touchpoints.register.platform.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC's annotated handlers looked up through {@link LiteralPrefixHandlerMapping}. */
@Configuration(proxyBeanMethods = false)
public class WebMvcLookup {
    @Bean
    static WebMvcRegistrations literalPrefixHandlerLookup() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixHandlerMapping();
            }
        };
    }
}
