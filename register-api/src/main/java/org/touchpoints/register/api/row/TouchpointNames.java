package org.touchpoints.register.api.row;

import java.util.regex.Pattern;

/**
 * What a touchpoint's name says of its kind, as a person reads it: a phone or an office is offline, a site or a
 * portal digital (the importer infers a row's channel from it; the register refuses a digital phone).
 */
public final class TouchpointNames {
    private static final String PHONE_LINE = "телефон|тел\\.|горяч";
    private static final Pattern PHONE = Pattern.compile("^(" + PHONE_LINE + ")");
    private static final Pattern OFFLINE_TYPE = Pattern.compile(
            "^(" + PHONE_LINE + "|мест[оа]|информационн|стенд|табличк|приемн|кабинет|почта россии|почтов|личн|"
                    + "помещени|здани|окно|офис|мфц|выездн)");
    private static final Pattern DIGITAL_TYPE = Pattern.compile(
            "^(официальн\\S* (сайт|портал)|сайт|портал|епгу|госуслуг|единый портал|электронн|e-?mail|гис|ервк|еркнм|"
                    + "соцсет|социальн|страниц|мессенджер|телеграм|telegram|вконтакте|одноклассник|платформ|чат|"
                    + "досудебное обжалование|видео|сэд|личный кабинет)");

    private TouchpointNames() {}

    /** The channel the touchpoint's name gives (a phone is offline, a site digital), or null when the name says neither. */
    public static Channel channelOf(String name, String address) {
        String n = Identity.name(name);
        if (DIGITAL_TYPE.matcher(n).find()) {
            return Channel.DIGITAL;
        }
        if (OFFLINE_TYPE.matcher(n).find()) {
            return Channel.OFFLINE;
        }
        if (address != null && (address.contains("://") || address.contains("@") || address.startsWith("www."))) {
            return Channel.DIGITAL;
        }
        return null;
    }

    /** The name is a phone line («Телефон», «Тел. приёмной», «Горячая линия»): an offline touchpoint. */
    public static boolean isPhoneLine(String name) {
        return name != null
                && channelOf(name, null) == Channel.OFFLINE
                && PHONE.matcher(Identity.name(name)).find();
    }
}
