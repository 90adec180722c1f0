package io.ogsm.connector.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code ogsm.csv.encoding} (and an intake profile's {@code encoding}): how a dropped file's bytes are read as text.
 * {@link #AUTO} takes a byte order mark (UTF-8 or UTF-16) where there is one, else UTF-8 unless the first bytes that
 * are not ASCII are no UTF-8, then Windows-1252 (what Excel saves as plain "CSV" on Windows in Western Europe).
 */
public enum CsvEncoding {
    AUTO("auto", null),
    UTF_8("utf-8", StandardCharsets.UTF_8),
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252")),
    UTF_16("utf-16", StandardCharsets.UTF_16);

    private final String key;
    private final Charset charset;

    CsvEncoding(String key, Charset charset) {
        this.key = key;
        this.charset = charset;
    }

    /** As configured and as reported: {@code auto}, {@code utf-8}, {@code windows-1252}, {@code utf-16}. */
    public String key() {
        return key;
    }

    /** The charset, or null for {@link #AUTO}. */
    public Charset charset() {
        return charset;
    }

    /** Reads a configured value, case-insensitively; {@code cp1252} and {@code utf8} are taken too. */
    public static CsvEncoding of(String text) {
        if (text == null) {
            return AUTO;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "", "auto" -> AUTO;
            case "utf-8", "utf8" -> UTF_8;
            case "windows-1252", "cp1252" -> WINDOWS_1252;
            case "utf-16", "utf16" -> UTF_16;
            default -> throw new IllegalArgumentException(
                    "must be auto, utf-8, windows-1252 or utf-16, was '" + text + "'");
        };
    }

    /** SmallRye's own enum converter knows only the names; this one takes the keys. */
    public static final class FromConfig implements Converter<CsvEncoding> {
        @Override
        public CsvEncoding convert(String value) {
            try {
                return of(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ogsm.csv.encoding " + e.getMessage(), e);
            }
        }
    }
}
