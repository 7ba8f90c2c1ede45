package org.touchpoints.register.query.task;

/**
 * One thing waiting for a person, as their landing page lists it.
 *
 * @param title  what to do, in words («Согласовать: Добавление строки: Telegram-канал»)
 * @param detail who, when, why (the register, the initiator and date, a reason, a due date)
 * @param href   where it is done
 * @param urgent shown first and marked (an overdue publication)
 * @param status the status for the CSS class (a change's or a deadline's), or null
 */
public record Task(String title, String detail, String href, boolean urgent, String status) {}
