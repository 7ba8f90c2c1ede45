package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Violations.conflict;
import static org.touchpoints.register.command.register.Violations.forbidden;
import static org.touchpoints.register.command.register.Violations.notFound;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.touchpoints.register.api.Ids;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;

/** Rules of the register's own settings, its divisions, its members, its import and its publication. */
final class RegisterRules {
    static final Pattern ID = Pattern.compile(Ids.REGISTER_ID);
    /** A publication may be recorded with a moment slightly ahead of the server's clock, not more. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private RegisterRules() {}

    /** registerSettingsAreValid: id, authority, IANA time zone, deadline of 5 or 10 working days or none, template. */
    static List<FieldError> registerSettingsAreValid(
            String registerId, String authority, String timeZone, Integer deadline, Object template, String region) {
        List<FieldError> errors = new ArrayList<>();
        if (registerId == null || !ID.matcher(registerId).matches()) {
            errors.add(new FieldError(
                    "id", "Идентификатор перечня: латинские строчные буквы, цифры и дефис, до 64 символов"));
        }
        InputText.check(errors, "authority", "Наименование органа власти", authority, true, 500);
        if (Text.isBlank(timeZone)) {
            errors.add(new FieldError("timeZone", "Укажите часовой пояс органа власти (например, Europe/Moscow)"));
        } else {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "Неизвестный часовой пояс «" + timeZone + "»"));
            }
        }
        if (deadline != null && deadline != 5 && deadline != 10) {
            errors.add(new FieldError(
                    "publicationDeadlineWorkingDays", "Срок публикации: 5 или 10 рабочих дней либо не задан"));
        }
        if (template == null) {
            errors.add(new FieldError("template", "Укажите форму перечня: SIX_COLUMN или FIVE_COLUMN"));
        }
        if (region != null && !region.matches("[A-Za-z0-9-]{1,16}")) {
            errors.add(new FieldError("region", "Код региона: латинские буквы, цифры и дефис, до 16 символов"));
        }
        return errors;
    }

    /** A register id names one register for ever. */
    static void registerIdIsUnique(boolean free, String registerId) {
        if (!free) {
            throw conflict("registerIdIsUnique", "Перечень «" + registerId + "» уже существует");
        }
    }

    /** divisionIsValid: an id of latin letters, a name, processes named. */
    static List<FieldError> divisionIsValid(String divisionId, String name, List<String> processes) {
        List<FieldError> errors = new ArrayList<>();
        if (divisionId == null || !ID.matcher(divisionId).matches()) {
            errors.add(new FieldError(
                    "divisionId", "Идентификатор подразделения: латинские строчные буквы, цифры и дефис"));
        }
        InputText.check(errors, "name", "Наименование подразделения", name, true, 500);
        if (processes != null) {
            for (int i = 0; i < processes.size(); i++) {
                InputText.check(errors, "processes[" + i + "]", "Процесс", processes.get(i), true, 1000);
            }
        }
        return errors;
    }

    /** A process is owned by one division. */
    static void oneOwnerPerProcessUnlessTheProcedureSharesThem(
            Divisions divisions, boolean procedureSharesProcesses, String divisionId, List<String> processes) {
        if (procedureSharesProcesses) {
            return; // 000 §2.6, 003 §2.3: each division lists the touchpoints of its own actions in the process
        }
        for (String p : processes) {
            divisions.ownersOf(p).stream()
                    .filter(owner -> !owner.equals(divisionId))
                    .findFirst()
                    .ifPresent(owner -> {
                        // the refusal keeps its name of before processes could be shared (clients know it)
                        throw conflict(
                                "oneOwnerPerProcess",
                                "Процесс «" + p + "» уже закреплён за подразделением «"
                                        + divisions.nameOf(owner)
                                        + "»; порядок ведения перечня не предусматривает ведение процесса "
                                        + "несколькими подразделениями");
                    });
        }
    }

    /**
     * A row of a process several divisions run belongs to one of them (000 §2.6, 003 §2.3): the one the row names, when
     * the initiator is a specialist there (or a responsible person proposes); else the initiator's only division among
     * the owners. An initiator of none of them gets the row's named owner or the first, and is then refused by
     * {@link ChangeRules#onlyMembersOfTheOwningDivisionInitiate(Membership, String, String)}.
     */
    static String divisionOfARowOfASharedProcess(
            java.util.Set<String> owners,
            String named,
            java.util.Set<String> initiatorsDivisions,
            boolean responsible) {
        String name = Text.isBlank(named) ? null : named.strip();
        boolean namedOwner = name != null && owners.contains(name);
        if (namedOwner && (responsible || initiatorsDivisions.contains(name))) {
            return name;
        }
        List<String> own = owners.stream().filter(initiatorsDivisions::contains).toList();
        if (!responsible && own.size() == 1) {
            return own.get(0);
        }
        if (responsible || own.size() > 1) {
            throw Violations.invalid(
                    "changeIsDescribed",
                    "Процесс ведут несколько подразделений: укажите, чья это строка",
                    List.of(new FieldError(
                            "row.division",
                            "Укажите одно из подразделений, ведущих процесс: "
                                    + String.join(", ", (responsible ? owners : own)))));
        }
        return namedOwner ? name : owners.iterator().next();
    }

    /** A division role is held in a division the register knows. */
    static void divisionRoleNamesAKnownDivision(Divisions divisions, MemberRole role, String divisionId) {
        if (role.divisional() && (divisionId == null || !divisions.exists(divisionId))) {
            throw notFound(
                    "divisionRoleNamesAKnownDivision",
                    divisionId == null
                            ? "Специалист и руководитель назначаются в подразделение: укажите подразделение"
                            : "Подразделение «" + divisionId + "» не найдено в перечне");
        }
    }

    /**
     * Only a role the account holds can be revoked (in that division, for division roles): a revocation of anything
     * else names no membership and is refused as unknown (404), so a repeated revocation records nothing.
     */
    static void onlyAHeldRoleIsRevoked(Membership members, String username, MemberRole role, String divisionId) {
        if (!members.holds(username, role, divisionId)) {
            throw notFound(
                    "onlyAHeldRoleIsRevoked",
                    "У учётной записи «" + username + "» нет роли " + role
                            + (role.divisional() ? " в подразделении «" + divisionId + "»" : "") + " в этом перечне");
        }
    }

    /** Only the head or a specialist of a division confirms that division's annual review. */
    static void onlyTheDivisionConfirmsItsReview(Membership members, String actor, String divisionId) {
        if (!members.holds(actor, MemberRole.HEAD, divisionId)
                && !members.holds(actor, MemberRole.SPECIALIST, divisionId)) {
            throw forbidden(
                    "onlyTheDivisionConfirmsItsReview",
                    "Ежегодную проверку подтверждает руководитель или специалист подразделения «" + divisionId + "»");
        }
    }

    /** A year's review can be confirmed from that year on, not in advance. */
    static void reviewYearHasBegun(int year, int currentYear) {
        if (year > currentYear || year < 2000) {
            throw Violations.invalid(
                    "reviewYearHasBegun",
                    "Подтвердить проверку можно только за текущий или прошедший год",
                    List.of(new FieldError("year", "Год проверки не может быть будущим")));
        }
    }

    /** Import is the initial formation of a register: it goes only into a register with no rows and no changes. */
    static void importOnlyIntoAnEmptyRegister(boolean empty) {
        if (!empty) {
            throw conflict(
                    "importOnlyIntoAnEmptyRegister",
                    "Загрузка возможна только при первоначальном формировании перечня; дальнейшие изменения вносятся через согласование");
        }
    }

    /**
     * Once a version of the register is published, its rows change only through approval: an import would put rows
     * into the published register that nobody approved.
     */
    static void importOnlyBeforeTheFirstPublication(int publishedVersion) {
        if (publishedVersion > 0) {
            throw conflict(
                    "importOnlyBeforeTheFirstPublication",
                    "Перечень уже опубликован (редакция " + publishedVersion
                            + "): загрузка строк из файла больше невозможна, изменения вносятся через согласование");
        }
    }

    /** Only the register's publishers record publications. */
    static void onlyPublishersPublish(Membership members, String actor) {
        if (!members.holds(actor, MemberRole.PUBLISHER, null)) {
            throw forbidden(
                    "onlyPublishersPublish",
                    "Публикацию отмечает только ответственный за размещение на официальном сайте");
        }
    }

    /**
     * publicationIsDescribed: the address on the official site (http or https), a moment not in the future, and the
     * client's idempotency key when it sends one.
     */
    static List<FieldError> publicationIsDescribed(String publicationId, String url, Instant publishedAt, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (publicationId != null && !DelegationRules.ID.matcher(publicationId).matches()) {
            errors.add(new FieldError(
                    "publicationId", "Идентификатор публикации: латинские буквы, цифры, «-» и «_», до 64 символов"));
        }
        InputText.check(errors, "url", "Адрес публикации", url, true, 2000);
        if (errors.isEmpty()) {
            try {
                URI uri = URI.create(url.strip());
                if (uri.getScheme() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                        || uri.getHost() == null) {
                    errors.add(new FieldError("url", "Адрес публикации должен начинаться с http:// или https://"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("url", "Адрес публикации записан с ошибкой"));
            }
        }
        if (publishedAt != null && publishedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            errors.add(new FieldError("publishedAt", "Дата публикации не может быть в будущем"));
        }
        return errors;
    }

    /**
     * A repeated publicationId must repeat the same publication (same address, same person, and the same moment when
     * one is given); the first answer is then given again.
     */
    static void samePublicationIdSamePublication(Published recorded, String url, Instant publishedAt, String actor) {
        if (!recorded.url().equals(url)
                || !recorded.by().equals(actor)
                || (publishedAt != null && !publishedAt.equals(recorded.publishedAt()))) {
            throw conflict(
                    "samePublicationIdSamePublication",
                    "Идентификатор публикации «" + recorded.publicationId()
                            + "» уже использован для другой публикации (редакция " + recorded.version() + ")");
        }
    }

    /**
     * A write based on an older version of the register than the current one is refused: the register changed after
     * the actor looked at it. The version is the sequence number of the register's last event; null means "not checked".
     */
    static void expectedRegisterVersionIsCurrent(Long current, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(current)) {
            throw conflict(
                    "expectedRegisterVersionIsCurrent",
                    "Перечень изменился после того, как вы его открыли (ваша версия " + expectedVersion + ", текущая "
                            + current + "): обновите данные и повторите действие");
        }
    }

    /** A new version is published only when it has something new: approved changes, or no version yet. */
    static void somethingToPublish(boolean anythingNew) {
        if (!anythingNew) {
            throw conflict("somethingToPublish", "Нет утверждённых изменений, не вошедших в опубликованную редакцию");
        }
    }

    /**
     * The version recorded is the one the publisher downloaded and put on the site: when the publisher names the
     * hash of that content, the register's current content must hash the same (no change approved meanwhile).
     */
    static void publishedContentIsTheDownloadedOne(String expectedSha256, String currentSha256) {
        if (expectedSha256 != null
                && !expectedSha256.isBlank()
                && !expectedSha256.strip().equalsIgnoreCase(currentSha256)) {
            throw conflict(
                    "publishedContentIsTheDownloadedOne",
                    "Перечень изменился после того, как были подготовлены файлы для публикации: скачайте новую редакцию "
                            + "и разместите её (текущий хеш " + currentSha256 + ")");
        }
    }

    /** A version cannot have been published before the last change it covers was approved. */
    static void publicationNotBeforeApproval(Instant publishedAt, Instant lastApproval) {
        if (lastApproval != null && publishedAt.isBefore(lastApproval)) {
            throw conflict(
                    "publicationNotBeforeApproval",
                    "Дата публикации раньше утверждения последнего из включённых изменений (" + lastApproval + ")");
        }
    }

    static final String ANNUAL_REVIEW_IS_DESCRIBED = "annualReviewIsDescribed";

    /** annualReviewIsDescribed: the comment of a division's annual review, if any, is at most 2,000 characters. */
    static List<FieldError> annualReviewIsDescribed(String comment) {
        List<FieldError> errors = new ArrayList<>();
        InputText.check(errors, "comment", "Комментарий", comment, false, 2000);
        return errors;
    }
}
