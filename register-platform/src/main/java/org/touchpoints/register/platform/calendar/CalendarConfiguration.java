package org.touchpoints.register.platform.calendar;

import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The production calendar: bundled years, plus the external directory when {@code register.calendar.dir} is set, with
 * the region-years marked "federal only" in the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

    @Bean
    ProductionCalendar productionCalendar(CalendarProperties properties, FederalOnlyRegistry federalOnly) {
        String dir = properties.dir();
        ProductionCalendar calendar = dir == null || dir.isBlank()
                ? ProductionCalendar.bundled()
                : ProductionCalendar.bundledAndDirectory(Path.of(dir.strip()));
        calendar.useFederalOnlyMarks(federalOnly);
        return calendar;
    }
}
