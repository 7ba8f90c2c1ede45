package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.publication.PublicationResult;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** The publisher records each version put on the official site. */
class PublicationRulesTest {

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static PublishCommand publishAt(String url, Instant publishedAt) {
        return new PublishCommand(REGISTER, null, url, publishedAt, null, PUBLISHER, PUBLISHED_AT);
    }

    // ---- positive paths ----

    @Test
    void importedRegisterIsPublishedAsTheFirstVersionWithoutChanges() {
        fixture.given(register())
                .when(publish())
                .expectEvents(published(1, List.of(), importedSha256(), null))
                .expectResultMessagePayload(new PublicationResult(1, List.of(), importedSha256()));
    }

    @Test
    void publicationDatedEarlierThanItsRecordingKeepsItsDate() {
        Instant yesterday = PUBLISHED_AT.minus(Duration.ofDays(1));
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(publishAt("  " + URL + " ", yesterday))
                .expectEvents(new Published(
                        REGISTER,
                        1,
                        URL,
                        yesterday,
                        List.of("c-portal"),
                        sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL), row("c-portal", PORTAL)),
                        null,
                        null,
                        PUBLISHER,
                        PUBLISHED_AT));
    }

    @Test
    void publicationAFewMinutesAheadOfTheClockIsAccepted() {
        Instant ahead = PUBLISHED_AT.plus(Duration.ofMinutes(4));
        fixture.given(register())
                .when(publishAt(URL, ahead))
                .expectEvents(new Published(
                        REGISTER, 1, URL, ahead, List.of(), importedSha256(), null, null, PUBLISHER, PUBLISHED_AT));
    }

    @Test
    void publicationAtTheMomentOfTheLastApprovalIsAccepted() {
        fixture.given(register())
                .andGiven(approved(removeInitiated("c-phone-out", PHONE_ID, PHONE)))
                .when(publishAt(URL, DEPUTY_APPROVED_AT))
                .expectEvents(new Published(
                        REGISTER,
                        1,
                        URL,
                        DEPUTY_APPROVED_AT,
                        List.of("c-phone-out"),
                        sha256(row(SITE_ID, SITE), row(MAIL_ID, MAIL)),
                        null,
                        null,
                        PUBLISHER,
                        PUBLISHED_AT));
    }

    @Test
    void fiveColumnRegisterIsHashedInItsOwnTemplate() {
        List<Object> fiveColumn = register().stream()
                .map(e -> e instanceof RegisterCreated
                        ? new RegisterCreated(
                                REGISTER, AUTHORITY, ZONE, 10, Template.FIVE_COLUMN, null, ADMIN, CREATED_AT)
                        : e)
                .toList();
        String sha = RegisterCsv.sha256(RegisterCsv.render(
                Template.FIVE_COLUMN, List.of(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL))));
        fixture.given(fiveColumn).when(publish()).expectEvents(published(1, List.of(), sha, null));
    }

    // ---- samePublicationIdSamePublication: a client's retry ----

    @Test
    void publicationRecordsTheClientsPublicationId() {
        fixture.given(register())
                .when(new PublishCommand(REGISTER, "pub-1", URL, null, null, PUBLISHER, PUBLISHED_AT))
                .expectEvents(new Published(
                        REGISTER,
                        1,
                        URL,
                        PUBLISHED_AT,
                        List.of(),
                        importedSha256(),
                        null,
                        "pub-1",
                        PUBLISHER,
                        PUBLISHED_AT));
    }

    @Test
    void retriedPublicationGetsTheFirstAnswerAndRecordsNothing() {
        // the retry comes later, after another change was approved: it still covers what the first one covered
        String sha = sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL), row("c-portal", PORTAL));
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .andGiven(new Published(
                        REGISTER,
                        1,
                        URL,
                        PUBLISHED_AT,
                        List.of("c-portal"),
                        sha,
                        null,
                        "pub-1",
                        PUBLISHER,
                        PUBLISHED_AT))
                .andGiven(approved(removeInitiated("c-phone-out", PHONE_ID, PHONE)))
                .when(new PublishCommand(REGISTER, "pub-1", URL, null, 11L, PUBLISHER, PUBLISHED_AT.plusSeconds(30)))
                .expectNoEvents()
                .expectResultMessagePayload(new PublicationResult(1, List.of("c-portal"), sha));
    }

    @Test
    void publicationIdUsedForAnotherPublicationIsRefused() {
        fixture.given(register())
                .andGiven(new Published(
                        REGISTER,
                        1,
                        URL,
                        PUBLISHED_AT,
                        List.of(),
                        importedSha256(),
                        null,
                        "pub-1",
                        PUBLISHER,
                        PUBLISHED_AT))
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(new PublishCommand(
                        REGISTER, "pub-1", "https://example.gov.ru/other", null, null, PUBLISHER, PUBLISHED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("samePublicationIdSamePublication"))
                .expectNoEvents();
    }

    @Test
    void malformedPublicationIdIsRefused() {
        fixture.given(register())
                .when(new PublishCommand(REGISTER, "pub 1/../x", URL, null, null, PUBLISHER, PUBLISHED_AT))
                .expectException(fieldError("publicationId"))
                .expectExceptionMessage(rule("publicationIsDescribed"))
                .expectNoEvents();
    }

    // ---- onlyPublishersPublish ----

    @Test
    void deputyCannotRecordAPublication() {
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(new PublishCommand(REGISTER, null, URL, null, null, DEPUTY, PUBLISHED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyPublishersPublish"))
                .expectNoEvents();
    }

    @Test
    void outsiderCannotRecordAPublication() {
        fixture.given(register())
                .when(new PublishCommand(REGISTER, null, URL, null, null, "mallory", PUBLISHED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyPublishersPublish"))
                .expectNoEvents();
    }

    // ---- publicationIsDescribed ----

    @Test
    void publicationAtANonWebAddressIsRefused() {
        fixture.given(register())
                .when(publishAt("ftp://gzhi.admin-smolensk.ru/perechen.docx", null))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("publicationIsDescribed"))
                .expectException(fieldError("url"))
                .expectNoEvents();
    }

    @Test
    void publicationAtAMalformedAddressIsRefused() {
        fixture.given(register())
                .when(publishAt("https://gzhi admin smolensk ru/перечень", null))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("publicationIsDescribed"))
                .expectException(fieldError("url"))
                .expectNoEvents();
    }

    @Test
    void publicationWithoutAnAddressIsRefused() {
        fixture.given(register())
                .when(publishAt(null, null))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("publicationIsDescribed"))
                .expectException(fieldError("url"))
                .expectNoEvents();
    }

    @Test
    void publicationDatedInTheFutureIsRefused() {
        fixture.given(register())
                .when(publishAt(URL, PUBLISHED_AT.plus(Duration.ofDays(1))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("publicationIsDescribed"))
                .expectException(fieldError("publishedAt"))
                .expectNoEvents();
    }

    // ---- somethingToPublish ----

    @Test
    void publicationWithNothingNewSinceTheLastVersionIsRefused() {
        fixture.given(registerAnd(published(1, List.of(), importedSha256(), null)))
                .when(publish())
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("somethingToPublish"))
                .expectNoEvents();
    }

    @Test
    void changesStillInTheChainAreNothingToPublish() {
        fixture.given(registerAnd(
                        published(1, List.of(), importedSha256(), null),
                        addInitiated("c-portal", PORTAL),
                        divisionApproved("c-portal")))
                .when(publish())
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("somethingToPublish"))
                .expectNoEvents();
    }

    // ---- publicationNotBeforeApproval ----

    @Test
    void publicationDatedBeforeTheLastApprovalIsRefused() {
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(publishAt(URL, DEPUTY_APPROVED_AT.minus(Duration.ofHours(1))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("publicationNotBeforeApproval"))
                .expectNoEvents();
    }

    // ---- publishedContentIsTheDownloadedOne ----

    @Test
    void publicationOfTheContentThePublisherDownloadedIsAccepted() {
        String current = sha256(row(SITE_ID, SITE), row(PHONE_ID, PHONE), row(MAIL_ID, MAIL), row("c-portal", PORTAL));
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(new PublishCommand(REGISTER, URL, null, current.toUpperCase(), PUBLISHER, PUBLISHED_AT))
                .expectEvents(published(1, List.of("c-portal"), current, null));
    }

    @Test
    void publicationOfContentThatChangedSinceTheDownloadIsRefused() {
        fixture.given(register())
                .andGiven(approved(addInitiated("c-portal", PORTAL)))
                .when(new PublishCommand(REGISTER, URL, null, importedSha256(), PUBLISHER, PUBLISHED_AT))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("publishedContentIsTheDownloadedOne"))
                .expectNoEvents();
    }
}
