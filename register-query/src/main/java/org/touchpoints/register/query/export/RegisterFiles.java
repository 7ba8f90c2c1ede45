package org.touchpoints.register.query.export;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.register.RegisterReadModel;

/** A register's rows as a downloadable file in one of the formats, named after the register and version. */
@Component
public class RegisterFiles {
    private final List<RegisterFileFormat> formats;
    private final JdbcClient jdbc;

    public RegisterFiles(List<RegisterFileFormat> formats, JdbcClient jdbc) {
        this.formats = formats;
        this.jdbc = jdbc;
    }

    /** The format named by the {@code format} parameter, or a 400 naming the formats there are. */
    public RegisterFileFormat format(String name) {
        return formats.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest(
                        "format",
                        "Формат выгрузки: "
                                + String.join(
                                        ", ",
                                        formats.stream()
                                                .map(RegisterFileFormat::name)
                                                .sorted()
                                                .toList())));
    }

    /** @param version the published version the rows are, or null for the current rows */
    public ResponseEntity<byte[]> download(
            RegisterReadModel.RegisterSummary register,
            List<RegisterRow> rows,
            RegisterFileFormat writer,
            Integer version) {
        return download(register, rows, writer, version, List.of());
    }

    /** @param approvals the approving acts of the changes in these rows, as the file names them */
    public ResponseEntity<byte[]> download(
            RegisterReadModel.RegisterSummary register,
            List<RegisterRow> rows,
            RegisterFileFormat writer,
            Integer version,
            List<String> approvals) {
        // a published version's CSV is the text its Published event hashed (old five-column versions kept their layout)
        byte[] content = version != null && writer instanceof CsvFormat
                ? RegisterCsv.renderAsPublished(register.template(), rows, publishedSha256(register.id(), version))
                : writer.write(register, rows, approvals);
        String fileName = register.id() + (version == null ? "" : "-v" + version) + writer.fileSuffix() + "."
                + writer.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header("X-Content-SHA256", RegisterCsv.sha256(content))
                .contentType(MediaType.parseMediaType(writer.mediaType()))
                .body(content);
    }

    /** The hash the version's {@code Published} event recorded (the CSV of a version is the text it hashed). */
    private String publishedSha256(String registerId, int version) {
        return jdbc.sql("select sha256 from q_publication where register_id = ? and version = ?")
                .params(registerId, version)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
