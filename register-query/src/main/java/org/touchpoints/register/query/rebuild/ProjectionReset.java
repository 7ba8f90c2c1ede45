package org.touchpoints.register.query.rebuild;

import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.touchpoints.register.platform.web.ApiException;
import org.touchpoints.register.query.config.Projections;

/**
 * Scale-out mode (Axon Server is the event store): rebuilding the read models means resetting the pooled
 * streaming processor of the {@code projections} group to the start of the stream. Its {@code @ResetHandler}s
 * empty the read models in the transaction that rewinds the tokens, and the processor then replays every event in
 * the background through the same handlers. The reset needs every segment: it is refused while another replica
 * still processes some of them (pause the processor on every instance in Axon Server's dashboard, or run one
 * query replica, then ask again).
 */
@Service
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
public class ProjectionReset {
    private static final Logger log = LoggerFactory.getLogger(ProjectionReset.class);

    public record Started(String processor, String status) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    public ProjectionReset(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** Resets every rebuilt group's processor (the read models and the audit trail) to replay from the start. */
    public Started reset() {
        List<StreamingEventProcessor> processors = Projections.REBUILT.stream().map(group -> processing
                        .eventProcessor(group, StreamingEventProcessor.class)
                        .orElseThrow(() -> new IllegalStateException("No streaming processor " + group)))
                .toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            for (StreamingEventProcessor processor : processors) {
                processor.resetTokens();
                log.info("Processor {} reset: replaying every event into its read models", processor.getName());
            }
            jdbc.sql("alter sequence q_row_entry_seq restart").update();
        } catch (UnableToClaimTokenException e) {
            throw new ApiException(HttpStatus.CONFLICT, "Представления сейчас обрабатывают другие экземпляры сервиса "
                    + "запросов. Приостановите обработчики «" + String.join("», «", Projections.REBUILT)
                    + "» на всех экземплярах (панель Axon Server) или оставьте один экземпляр и повторите запрос");
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
        return new Started(String.join(",", Projections.REBUILT), "REPLAYING");
    }
}
