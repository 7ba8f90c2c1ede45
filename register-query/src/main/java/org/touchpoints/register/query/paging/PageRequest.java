package org.touchpoints.register.query.paging;

import org.touchpoints.register.platform.web.ApiException;

/**
 * One page of a list: {@code page} counts from 1, {@code size} entries per page (at most {@link #MAX_SIZE}). A value
 * out of bounds is refused with a 400 in Russian naming the parameter; a page past the last one is simply empty.
 */
public record PageRequest(int page, int size) {
    /** The most entries one page of an API list holds. */
    public static final int MAX_SIZE = 500;
    /** Entries per page of an API list when the client gives no {@code size}. */
    public static final int DEFAULT_SIZE = 500;
    /**
     * The "size" of a request that names neither {@code page} nor {@code size}: the whole list, as the contract always
     * answered (a client that never heard of paging still gets every entry; paging is opt-in). Not a size a client
     * may ask for; such an answer has {@code X-Total-Count} but no {@code Link}.
     */
    static final int WHOLE_LIST = 10_000_000;
    /** The largest {@code page}: beyond it the offset would not fit the database's integers. */
    static final int MAX_PAGE = 1_000_000;

    /**
     * @param page        from the request, or null for the first
     * @param size        from the request, or null for {@code defaultSize}
     * @param defaultSize entries per page when {@code size} is not given
     */
    public static PageRequest of(Integer page, Integer size, int defaultSize) {
        if (page != null && (page < 1 || page > MAX_PAGE)) {
            throw ApiException.badRequest("page", "Номер страницы page — от 1 до " + MAX_PAGE);
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw ApiException.badRequest("size", "Размер страницы size — от 1 до " + MAX_SIZE + " записей");
        }
        return new PageRequest(page == null ? 1 : page, size == null ? defaultSize : size);
    }

    /**
     * An API list's page: the whole list when the client gives neither {@code page} nor {@code size} (compatible with
     * every client written before paging), else {@link #DEFAULT_SIZE} entries unless it asks for fewer.
     */
    public static PageRequest of(Integer page, Integer size) {
        if (page == null && size == null) {
            return new PageRequest(1, WHOLE_LIST);
        }
        return of(page, size, DEFAULT_SIZE);
    }

    /** Whether this is the whole list (no paging asked for). */
    public boolean whole() {
        return size >= WHOLE_LIST;
    }

    /** Entries before this page. */
    public int offset() {
        return (page - 1) * size;
    }

    /** Pages a list of {@code total} entries takes (at least one, if empty). */
    public int pages(long total) {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
