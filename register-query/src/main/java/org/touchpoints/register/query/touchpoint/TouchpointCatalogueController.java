package org.touchpoints.register.query.touchpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.paging.PageRequest;
import org.touchpoints.register.query.paging.Paged;
import org.touchpoints.register.query.register.RegisterReadAccess;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * {@code GET /api/v1/registers/{id}/touchpoints}: the register's touchpoint catalogue, a page at a time
 * ({@code offset}, {@code limit}, a {@code Link: <…>; rel="next"} header when there are more), read by those who read
 * the register's current rows.
 */
@RestController
@RequestMapping("/api/v1/registers/{registerId}/touchpoints")
@Tag(name = "Перечни")
public class TouchpointCatalogueController {
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5_000;

    private final RegisterReadModel registers;
    private final RegisterReadAccess access;
    private final TouchpointCatalogue catalogue;

    public TouchpointCatalogueController(
            RegisterReadModel registers, RegisterReadAccess access, TouchpointCatalogue catalogue) {
        this.registers = registers;
        this.access = access;
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(
            summary = "Каталог точек взаимодействия перечня: каждая точка один раз, с её строками и процессами",
            description =
                    "Точки сравниваются так же, как правило «одна точка — один раз в процессе»: наименование и адрес "
                            + "после NFKC, без невидимых символов, без различий в пробелах, регистре, ё/е и латинских двойниках "
                            + "кириллицы; адреса сайтов без схемы, www., порта по умолчанию и завершающей косой черты; телефоны по "
                            + "цифрам. key — идентификатор точки (дайджест её наименования и адреса в этом сравнении); name, channel, "
                            + "type, address — как в первой её строке; rows — строки, где она указана; processes — процессы; "
                            + "duplicates — процессы, где она указана больше одного раза, с их строками; divisions — подразделения. "
                            + "Выдаётся страницами: page (с 1) по size записей (не более " + PageRequest.MAX_SIZE
                            + "; заголовок "
                            + "Link — ссылки first, prev, next, last; X-Total-Count — число точек всего) или, как прежде, limit "
                            + "(по умолчанию " + DEFAULT_LIMIT + ", не более " + MAX_LIMIT
                            + ") записей начиная с offset; если записей больше, заголовок Link с rel=\"next\" указывает следующую "
                            + "страницу. Доступно участникам перечня, аудитору и администратору.")
    public ResponseEntity<List<Map<String, Object>>> touchpoints(
            @PathVariable String registerId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        PageRequest request = page != null || size != null ? PageRequest.of(page, size) : null;
        registers.require(registerId);
        access.requireReadable(registerId);
        if (request != null) {
            List<TouchpointCatalogue.Entry> all = catalogue.of(registerId);
            int from = (int) Math.min(all.size(), (long) request.offset());
            return new Paged<>(
                            all.subList(from, Math.min(all.size(), from + request.size())).stream()
                                    .map(TouchpointCatalogueController::json)
                                    .toList(),
                            all.size(),
                            request)
                    .response();
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset", "Смещение offset не может быть отрицательным");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "Число записей limit — от 1 до " + MAX_LIMIT);
        }
        List<TouchpointCatalogue.Entry> all = catalogue.of(registerId);
        List<Map<String, Object>> entries = all
                .subList(Math.min(offset, all.size()), Math.min(all.size(), (int)
                        Math.min((long) offset + limit, Integer.MAX_VALUE)))
                .stream()
                .map(TouchpointCatalogueController::json)
                .toList();
        if ((long) offset + limit >= all.size()) {
            return ResponseEntity.ok()
                    .header(Paged.TOTAL_COUNT, Integer.toString(all.size()))
                    .body(entries);
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("offset", offset + limit)
                .replaceQueryParam("limit", limit)
                .build()
                .toUriString();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .header(Paged.TOTAL_COUNT, Integer.toString(all.size()))
                .body(entries);
    }

    private static Map<String, Object> json(TouchpointCatalogue.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", e.key());
        m.put("name", e.name());
        m.put("channel", e.channel());
        m.put("type", e.type());
        m.put("address", e.address());
        m.put("rows", e.rows());
        m.put("processes", e.processes());
        m.put(
                "duplicates",
                e.duplicates().stream()
                        .map(d -> Map.of("process", d.process(), "rows", d.rows()))
                        .toList());
        m.put("divisions", e.divisions());
        return m;
    }
}
