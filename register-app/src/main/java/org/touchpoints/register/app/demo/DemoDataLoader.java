package org.touchpoints.register.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.register.AssignMemberCommand;
import org.touchpoints.register.api.register.CreateRegisterCommand;
import org.touchpoints.register.api.register.DefineDivisionCommand;
import org.touchpoints.register.command.importing.RegisterImporter;
import org.touchpoints.register.platform.account.AccountStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode ({@code SPRING_PROFILES_ACTIVE=demo}): creates the register {@code smolensk-gzhi} from the shared CSV
 * and the demo accounts, through the same commands an administrator would send. Runs once: a database that
 * already holds the register is left as it is.
 */
@Component
@Profile("demo")
class DemoDataLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String SYSTEM = "system";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final AccountStore accounts;
    private final RegisterImporter importer;
    private final JsonMapper mapper;
    private final Clock clock;

    DemoDataLoader(
            CommandGateway commands,
            EventStore eventStore,
            AccountStore accounts,
            RegisterImporter importer,
            JsonMapper mapper,
            Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.accounts = accounts;
        this.importer = importer;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * The demo registers: {@code smolensk-gzhi} as it always was (today's procedure), then one register per seed
     * authority's procedure.
     */
    static final List<String> REGISTERS =
            List.of("smolensk-gzhi", "dagestan-minstroy", "astrakhan-gzhn", "novosibirsk-gsn", "smolensk-minpromtorg");

    /**
     * Loads the demo data before the application takes traffic: readiness ({@code /actuator/health/readiness}) is
     * DOWN (REFUSING_TRAFFIC) from the start until every demo register is there, so a load balancer or the
     * benchmark never sees a half-loaded demo. Spring Boot announces ACCEPTING_TRAFFIC only after the ready event's
     * listeners; this says it explicitly, at the moment the data is complete.
     */
    @EventListener(ApplicationReadyEvent.class)
    void load(ApplicationReadyEvent ready) throws IOException {
        AvailabilityChangeEvent.publish(ready.getApplicationContext(), ReadinessState.REFUSING_TRAFFIC);
        long start = System.nanoTime();
        for (String id : REGISTERS) {
            load(id);
        }
        log.info("Demo data complete in {} ms; ready for traffic", (System.nanoTime() - start) / 1_000_000);
        AvailabilityChangeEvent.publish(ready.getApplicationContext(), ReadinessState.ACCEPTING_TRAFFIC);
    }

    private void load(String file) throws IOException {
        DemoData demo;
        try (InputStream in = new ClassPathResource("demo/" + file + ".json").getInputStream()) {
            demo = mapper.readValue(in, DemoData.class);
        }
        for (DemoData.Account a : demo.accounts()) {
            accounts.create(a.username(), demo.password(), a.displayName(), a.globalRole());
        }
        DemoData.Register r = demo.register();
        if (eventStore.lastSequenceNumberFor(r.id()).isPresent()) {
            log.info("Demo register {} already exists; leaving it as it is", r.id());
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Procedure procedure = r.preset() == null ? null : r.preset().procedure();
        commands.sendAndWait(new CreateRegisterCommand(
                r.id(),
                r.authority(),
                r.timeZone(),
                procedure == null ? r.publicationDeadlineWorkingDays() : procedure.deadlineWorkingDays(),
                r.template(),
                r.region(),
                SYSTEM,
                now,
                procedure));
        for (DemoData.Division d : demo.divisions()) {
            commands.sendAndWait(new DefineDivisionCommand(r.id(), d.id(), d.name(), d.processes(), SYSTEM, now));
        }
        for (DemoData.Account a : demo.accounts()) {
            for (DemoData.Grant g : a.grants()) {
                commands.sendAndWait(
                        new AssignMemberCommand(r.id(), a.username(), g.role(), g.division(), SYSTEM, now));
            }
        }
        byte[] csv;
        try (InputStream in = new ClassPathResource(r.csv()).getInputStream()) {
            csv = in.readAllBytes();
        }
        String source = r.csv().substring(r.csv().lastIndexOf('/') + 1);
        RegisterImporter.Report report = importer.importCsv(r.id(), csv, source, SYSTEM, false);
        log.info(
                "Demo register {} loaded: {} rows, duplicate touchpoints reported: {}",
                r.id(),
                report.imported(),
                report.duplicates());
    }
}
