package org.touchpoints.register.query.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.register.RegisterTimeTravel;
import org.touchpoints.register.query.ui.UiController;

/**
 * Downloads for citizens, without sign-in: only ever a published version (the latest, or an earlier one by number),
 * never the current content that has not been published yet. Errors are pages, as the rest of the public site.
 */
@UiController
@Tag(name = "Публичная страница")
public class PublicExportController {
    private final RegisterReadModel registers;
    private final RegisterTimeTravel timeTravel;
    private final RegisterFiles files;

    public PublicExportController(RegisterReadModel registers, RegisterTimeTravel timeTravel, RegisterFiles files) {
        this.registers = registers;
        this.timeTravel = timeTravel;
        this.files = files;
    }

    @GetMapping("/public/{registerId}/export")
    @Operation(
            summary = "Скачать опубликованную редакцию перечня без входа: csv, xlsx или docx (по умолчанию последняя)")
    public ResponseEntity<byte[]> export(
            @PathVariable String registerId,
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) Integer version) {
        RegisterReadModel.RegisterSummary register = registers.require(registerId);
        RegisterFileFormat writer = files.format(format);
        if (register.publishedVersion() == 0) {
            throw ApiException.notFound("Перечень ещё не опубликован");
        }
        int v = version == null ? register.publishedVersion() : version;
        List<RegisterRow> rows = timeTravel
                .version(registerId, v)
                .orElseThrow(() -> ApiException.notFound("Редакция " + v + " перечня не опубликована"));
        return files.download(register, rows, writer, v);
    }
}
