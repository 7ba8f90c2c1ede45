package org.touchpoints.register.platform.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * One validated calendar file: the federal calendar of a year ({@code region == null}) or a region's
 * overlay on it. Only exceptions to the Monday–Friday week are listed.
 *
 * @param year               the calendar year
 * @param region             ISO 3166-2 code of the region ({@code RU-DA}), or {@code null} for the federal file
 * @param source             the legal acts the dates come from
 * @param nonWorkingDays     non-working days that fall on Monday–Friday (holidays and transferred days off)
 * @param workingWeekendDays Saturdays and Sundays that are working days by transfer
 */
public record CalendarYear(
        int year,
        String region,
        String source,
        NavigableSet<LocalDate> nonWorkingDays,
        NavigableSet<LocalDate> workingWeekendDays) {

    public CalendarYear {
        nonWorkingDays = Collections.unmodifiableNavigableSet(new TreeSet<>(nonWorkingDays));
        workingWeekendDays = Collections.unmodifiableNavigableSet(new TreeSet<>(workingWeekendDays));
    }

    public boolean isFederal() {
        return region == null;
    }

    /**
     * What the year says, as a short fingerprint (8 hex digits of the SHA-256 of its days, region and year; the source
     * and the file's layout do not count): two files of a year with the same days have the same fingerprint.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder().append(year).append('|').append(region == null ? "" : region);
        nonWorkingDays.forEach(d -> canonical.append("|-").append(d));
        workingWeekendDays.forEach(d -> canonical.append("|+").append(d));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How the file is named for people: «федеральный календарь на 2025 год», «календарь RU-DA на 2025 год». */
    String describe() {
        return (isFederal() ? "федеральный календарь" : "календарь региона " + region) + " на " + year + " год";
    }
}
