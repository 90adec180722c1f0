package io.ogsm.connector.measurement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a measurement's content: a SHA-256 of type, id, date, value, target and description, normalized so
 * that {@code 45.60} and {@code 45.6} are the same value. The same measurement gets the same key whichever source
 * brings it and however often; it is posted once. Computed after title resolution, so naming the goal by id or by
 * title makes no difference.
 */
public final class IdempotencyKey {

    private IdempotencyKey() {
    }

    /** 32 hex characters (128 bits of the hash). */
    public static String of(Measurement m) {
        if (m.id() == null) {
            throw new IllegalArgumentException("resolve the title of " + m.subject() + " before keying it");
        }
        return hash(m, Long.toString(m.id()));
    }

    /**
     * The goal or KPI and date a measurement is for (type, id, date): the measurements of one subject are versions of
     * one figure, the latest of which the workspace should show.
     */
    public static String subject(Measurement m) {
        if (m.id() == null) {
            throw new IllegalArgumentException("resolve the title of " + m.subject() + " before keying it");
        }
        return digest(String.join("\u001f", m.type().key(), Long.toString(m.id()), m.at().toString()));
    }

    /**
     * The key a measurement is delivered under as the {@code change}-th change of its figure: the content's key itself
     * for the first ({@code 0}), a key of its own for each later one, so that a value that goes back to an earlier one
     * (45, 46, 45) is posted again while an unchanged re-send is not.
     */
    public static String change(String contentKey, int change) {
        return change == 0 ? contentKey : digest(contentKey + "#" + change);
    }

    /**
     * The key of a measurement as submitted, before its title is resolved: equal to {@link #of} when it names its
     * goal or KPI by id, otherwise a key over the normalized title (for tracking a pushed measurement).
     */
    public static String ofSubmitted(Measurement m) {
        if (m.id() != null) {
            return of(m);
        }
        return hash(m, "title:" + TitleResolver.normalize(m.title()));
    }

    private static String hash(Measurement m, String subject) {
        String canonical = String.join("\u001f",
                m.type().key(),
                subject,
                m.at().toString(),
                plain(m.value()),
                m.target() == null ? "" : plain(m.target()),
                m.description() == null ? "" : m.description());
        return digest(canonical);
    }

    /** 32 hex digits (128 bits) of the SHA-256 of the text: the form of a key, also for other ids and names. */
    public static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
