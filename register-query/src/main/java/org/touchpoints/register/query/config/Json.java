package org.touchpoints.register.query.config;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** JSON text for the jsonb columns of the read models. */
@Component
public class Json {
    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    public <T> T read(String json, Class<T> type) {
        return json == null ? null : mapper.readValue(json, type);
    }
}
