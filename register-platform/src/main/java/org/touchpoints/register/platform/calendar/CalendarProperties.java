package org.touchpoints.register.platform.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir external directory of calendar files ({@code federal/2027.json}, {@code region/RU-DA/2027.json})
 *            that add or replace bundled years, and where uploads are saved; property
 *            {@code register.calendar.dir}, environment {@code REGISTER_CALENDAR_DIR}; none by default
 */
@ConfigurationProperties("register.calendar")
public record CalendarProperties(String dir) {}
