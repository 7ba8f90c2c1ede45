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
 * own URL with its {@code page} and {@code size}.
 */
public record Paged<T>(List<T> items, long total, PageRequest request) {
    public static final String TOTAL_COUNT = "X-Total-Count";

    public int pages() {
        return request.pages(total);
    }

    /** The page as the HTTP answer: 200, the entries as an array, the paging headers. */
    public ResponseEntity<List<T>> response() {
        int page = request.page();
        int last = pages();
        List<String> links = new ArrayList<>();
        links.add(link(1, "first"));
        if (page > 1) {
            links.add(link(Math.min(page - 1, last), "prev"));
        }
        if (page < last) {
            links.add(link(page + 1, "next"));
        }
        links.add(link(last, "last"));
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(total))
                .header(HttpHeaders.LINK, String.join(", ", links))
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, TOTAL_COUNT + ", " + HttpHeaders.LINK)
                .body(items);
    }

    private String link(int page, String rel) {
        String url = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("offset").replaceQueryParam("limit")
                .replaceQueryParam("page", page).replaceQueryParam("size", request.size()).build().toUriString();
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
