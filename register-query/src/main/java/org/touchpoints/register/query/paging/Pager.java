package org.touchpoints.register.query.paging;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pagination links of a page in the browser («Назад», «Стр. 2 из 7», «Далее»): the page shown, how many there
 * are, and the addresses of the previous and next ones (null at either end), each the page's own address with its
 * filters and another {@code page}. Rendered by the {@code pager} fragment ({@code templates/pager.html}).
 */
public record Pager(int page, int pages, long total, String previousUrl, String nextUrl) {
    /** Entries per page of a list in the browser. */
    public static final int PAGE_SIZE = 50;

    /**
     * @param page  the page asked for (from 1; out of range: the nearest page)
     * @param total entries of the whole list
     * @param here  the page's address with its filters, without {@code page}
     */
    public static Pager of(int page, long total, UriComponentsBuilder here) {
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        return new Pager(
                current,
                pages,
                total,
                current > 1
                        ? here.cloneBuilder()
                                .replaceQueryParam("page", current - 1)
                                .build()
                                .encode()
                                .toUriString()
                        : null,
                current < pages
                        ? here.cloneBuilder()
                                .replaceQueryParam("page", current + 1)
                                .build()
                                .encode()
                                .toUriString()
                        : null);
    }

    /** Entries before the page shown. */
    public int offset() {
        return (page - 1) * PAGE_SIZE;
    }

    public int size() {
        return PAGE_SIZE;
    }

    /** Whether the list takes more than one page (else no links are shown). */
    public boolean several() {
        return pages > 1;
    }
}
