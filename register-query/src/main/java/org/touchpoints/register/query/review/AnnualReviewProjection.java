package org.touchpoints.register.query.review;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.register.AnnualReviewConfirmed;
import org.touchpoints.register.query.config.Projections;
import org.touchpoints.register.query.config.ReadModelJdbc;

@Component
@ProcessingGroup(Projections.GROUP)
public class AnnualReviewProjection {
    private final ReadModelJdbc jdbc;

    public AnnualReviewProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AnnualReviewConfirmed e) {
        jdbc.update("""
                        insert into q_annual_review(register_id, division_id, year, confirmed_at, by_user, comment)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""", e.registerId(), e.divisionId(), e.year(), Timestamp.from(e.at()), e.by(), e.comment());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate q_annual_review");
    }
}
