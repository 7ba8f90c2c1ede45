package org.touchpoints.register.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.condition.RequestMethodsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTest {
    static final List<String> PATTERNS = List.of(
            "/api/v1/registers",
            "/api/v1/registers/{id}",
            "/api/v1/registers/{id}/changes",
            "/api/v1/changes/{id}/division-approval",
            "/api/v1/changes/{id}",
            "/swagger-ui/**",
            "/public/{*rest}",
            "/files/a*.csv",
            "/registers/{id:[a-z0-9-]+}/rows/{row}",
            "/x/{a}/{b}");
    static final List<String> PATHS = List.of(
            "/api/v1/registers",
            "/api/v1/registers/",
            "/api/v1/registers/r1",
            "/api/v1/registers/r1/changes",
            "/api/v1/registers/r1/changes/",
            "/api/v1/registersX",
            "/api/v1/changes/c1",
            "/api/v1/changes/c1/division-approval",
            "/api/v1/changes/c1/division-approvalX",
            "/api/v1/changes/c1/deputy-approval",
            "/swagger-ui",
            "/swagger-ui/",
            "/swagger-ui/index.html",
            "/public",
            "/public/a/b",
            "/files/a1.csv",
            "/files/b.csv",
            "/registers/abc/rows/1",
            "/registers/ABC/rows/1",
            "/x/1/2",
            "/x/1",
            "/",
            "/API/v1/registers");

    /** The cheap test passes every path Spring's own matching accepts (it may pass more: they are matched fully). */
    @Test
    void neverRefusesWhatSpringMatches() {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(new PathPatternParser());
        int refused = 0;
        for (String pattern : PATTERNS) {
            RequestMappingInfo info =
                    RequestMappingInfo.paths(pattern).options(config).build();
            String[] literal = LiteralPrefixHandlerMapping.literalPrefixes(info);
            for (String path : PATHS) {
                MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
                ServletRequestPathUtils.parseAndCache(request);
                String lookup = UrlPathHelper.defaultInstance.removeSemicolonContent(
                        ServletRequestPathUtils.getParsedRequestPath(request)
                                .pathWithinApplication()
                                .value());
                boolean spring = info.getMatchingCondition(request) != null;
                boolean passes = literal == null || LiteralPrefixHandlerMapping.fits(lookup, literal);
                if (spring) {
                    assertThat(passes).as(pattern + " matches " + path).isTrue();
                } else if (!passes) {
                    refused++;
                }
            }
        }
        assertThat(refused).as("paths passed over without matching").isGreaterThan(PATTERNS.size() * PATHS.size() / 2);
    }

    @Test
    void prefixesStopBeforeTheSegmentOfTheFirstVariable() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/changes/{id}/division-approval"))
                .isEqualTo("/api/v1/changes");
        assertThat(LiteralPrefixHandlerMapping.literalSuffix(
                        "/api/v1/changes/{id}/division-approval", "/api/v1/changes"))
                .isEqualTo("/division-approval");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/swagger-ui/**")).isEqualTo("/swagger-ui");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/{id}")).isNull();
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("relative")).isNull();
    }

    /** The method test passes every request Spring's method condition accepts, and refuses the others it can. */
    @Test
    void theMethodTestNeverRefusesWhatSpringMatches() {
        List<Set<RequestMethod>> declared = List.of(
                Set.of(),
                Set.of(RequestMethod.GET),
                Set.of(RequestMethod.POST),
                Set.of(RequestMethod.GET, RequestMethod.POST),
                Set.of(RequestMethod.PUT, RequestMethod.DELETE),
                Set.of(RequestMethod.OPTIONS));
        int refused = 0;
        for (Set<RequestMethod> methods : declared) {
            RequestMethodsRequestCondition condition =
                    new RequestMethodsRequestCondition(methods.toArray(RequestMethod[]::new));
            for (RequestMethod method : RequestMethod.values()) {
                MockHttpServletRequest request = new MockHttpServletRequest(method.name(), "/api/v1/registers");
                boolean spring = condition.getMatchingCondition(request) != null;
                boolean passes = LiteralPrefixHandlerMapping.allows(methods, method);
                if (spring) {
                    assertThat(passes).as(methods + " takes " + method).isTrue();
                } else if (!passes) {
                    refused++;
                }
            }
        }
        assertThat(LiteralPrefixHandlerMapping.allows(Set.of(RequestMethod.GET), RequestMethod.HEAD))
                .isTrue();
        assertThat(LiteralPrefixHandlerMapping.allows(Set.of(RequestMethod.GET), RequestMethod.POST))
                .isFalse();
        assertThat(refused).as("requests passed over without matching").isGreaterThan(20);
    }
}
