package org.touchpoints.register.platform.calendar;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The production calendar: bundled years, plus the external directory when {@code register.calendar.dir} is set, plus
 * the years uploaded at run time ({@code calendar_file}), with the region-years marked "federal only" in the database.
 * One bean on each side: the query side shows and counts with it, the command side counts the due dates it records in
 * the approval events with it (a domain service handed to the register's command handlers).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

    @Bean
    ProductionCalendar productionCalendar(
            CalendarProperties properties, FederalOnlyRegistry federalOnly, CalendarStore store) {
        String dir = properties.dir();
        ProductionCalendar calendar = dir == null || dir.isBlank()
                ? ProductionCalendar.bundled()
                : ProductionCalendar.bundledAndDirectory(Path.of(dir.strip()));
        calendar.useFederalOnlyMarks(federalOnly);
        calendar.useStore(store);
        return calendar;
    }

    /** Takes in the years uploaded on other instances: at start, then every half minute (counts refresh themselves). */
    @Component
    static class CalendarRefresh {
        private static final Logger log = LoggerFactory.getLogger(CalendarRefresh.class);
        private final ProductionCalendar calendar;

        CalendarRefresh(ProductionCalendar calendar) {
            this.calendar = calendar;
        }

        @EventListener(ApplicationReadyEvent.class)
        void atStart() {
            calendar.refresh();
        }

        @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
        void periodically() {
            try {
                calendar.refresh();
            } catch (RuntimeException e) {
                log.warn("Production calendar: uploaded years not read ({}); retrying later", e.getMessage());
            }
        }
    }
}
