package org.touchpoints.register.query.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.register.RegisterTimeTravel;

/**
 * Checks the chain of published versions: each version's hash is the hash of the register as that version
 * stood (recomputed from the events), and each names the previous version's hash. A downloaded CSV can be
 * matched against the versions.
 */
@RestController
@RequestMapping("/api/v1/registers/{registerId}/publications")
@Tag(name = "Публикация")
public class PublicationChainController {
    public record VersionCheck(int version, String sha256, boolean contentMatches, boolean chainMatches) {}

    public record ChainReport(boolean valid, List<VersionCheck> versions) {}

    public record FileCheck(String sha256, Integer matchesVersion) {}

    private final PublicationQueryController publications;
    private final RegisterReadModel registers;
    private final RegisterTimeTravel timeTravel;

    public PublicationChainController(
            PublicationQueryController publications, RegisterReadModel registers, RegisterTimeTravel timeTravel) {
        this.publications = publications;
        this.registers = registers;
        this.timeTravel = timeTravel;
    }

    @GetMapping("/verify")
    @Operation(summary = "Проверить цепочку опубликованных редакций: хеш каждой редакции и ссылку на предыдущую")
    public ChainReport verify(@PathVariable String registerId) {
        RegisterReadModel.RegisterSummary register = registers.require(registerId);
        List<VersionCheck> checks = new ArrayList<>();
        String previous = null;
        for (PublicationQueryController.PublicationView p : publications.list(registerId)) {
            // a version published before formula cells were made inert has the hash of the unguarded text
            boolean contentMatches = timeTravel
                    .version(registerId, p.version())
                    .map(rows -> RegisterCsv.isTheHashOf(p.sha256(), register.template(), rows))
                    .orElse(false);
            checks.add(new VersionCheck(
                    p.version(), p.sha256(), contentMatches, Objects.equals(previous, p.previousSha256())));
            previous = p.sha256();
        }
        return new ChainReport(checks.stream().allMatch(c -> c.contentMatches() && c.chainMatches()), checks);
    }

    @PostMapping(value = "/verify-file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Проверить файл (CSV-выгрузку редакции): какой опубликованной редакции он соответствует")
    public FileCheck verifyFile(@PathVariable String registerId, @RequestPart("file") MultipartFile file)
            throws IOException {
        String sha = RegisterCsv.sha256(file.getBytes());
        Integer version = publications.list(registerId).stream()
                .filter(p -> p.sha256().equals(sha))
                .map(PublicationQueryController.PublicationView::version)
                .findFirst()
                .orElse(null);
        return new FileCheck(sha, version);
    }
}
