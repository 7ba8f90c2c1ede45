package org.touchpoints.register.query.paging;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of an API list and the number of entries of the whole list. The body stays the bare JSON array the
 * contract has always returned; the paging travels in headers: {@code X-Total-Count} (entries of the whole list)
 * and {@code Link} with {@code first}, {@code prev}, {@code next} and {@code last} (RFC 8288), each the request's
 * own URL with its {@code page} and {@code size}. A list too long to count on every request goes without the count
 * and {@code last} ({@link #uncounted}).
 */
public record Paged<T>(List<T> items, Long total, PageRequest request, boolean hasNext) {
    public static final String TOTAL_COUNT = "X-Total-Count";
    /** The longest {@code Link} header sent; a request whose own URL makes it longer gets none. */
    static final int MAX_LINK_HEADER = 4096;

    public Paged(List<T> items, long total, PageRequest request) {
        this(items, total, request, request.page() < request.pages(total));
    }

    /**
     * A page of a list too long to count on every request (the deadlines of a whole deployment): no
     * {@code X-Total-Count} and no {@code last}; {@code next} when there is more.
     */
    public static <T> Paged<T> uncounted(List<T> items, PageRequest request, boolean hasNext) {
        return new Paged<>(items, null, request, hasNext);
    }

    /** The page as the HTTP answer: 200, the entries as an array, the paging headers. */
    public ResponseEntity<List<T>> response() {
        int page = request.page();
        List<String> links = new ArrayList<>();
        links.add(link(1, "first"));
        if (page > 1) {
            links.add(link(total == null ? page - 1 : Math.min(page - 1, request.pages(total)), "prev"));
        }
        if (hasNext) {
            links.add(link(page + 1, "next"));
        }
        if (total != null) {
            links.add(link(request.pages(total), "last"));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (total != null) {
            answer.header(TOTAL_COUNT, Long.toString(total));
        }
        String link = String.join(", ", links);
        if (!request.whole()
                && link.length()
                        <= MAX_LINK_HEADER) { // four copies of a very long query would overflow the response's headers
            answer.header(HttpHeaders.LINK, link);
        }
        return answer.header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, TOTAL_COUNT + ", " + HttpHeaders.LINK)
                .body(items);
    }

    private String link(int page, String rel) {
        String url = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset")
                .replaceQueryParam("limit")
                .replaceQueryParam("page", page)
                .replaceQueryParam("size", request.size())
                .build()
                .toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
