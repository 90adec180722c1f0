package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvDecimalSeparator;
import io.ogsm.connector.config.CsvDelimiter;
import io.ogsm.connector.config.CsvEncoding;
import io.ogsm.connector.measurement.MeasurementType;

import java.util.List;

/**
 * How a dropped CSV file is read.
 *
 * @param dateFormats      date patterns tried in order, each strictly ({@code yyyy} is read as the proleptic year
 *                         {@code uuuu}, so {@code 2025-02-31} is refused); default {@code yyyy-MM-dd}
 * @param delimiter        {@link CsvDelimiter#AUTO} detects {@code ,} {@code ;} or tab from the header row
 * @param decimalSeparator {@link CsvDecimalSeparator#AUTO} accepts a decimal comma where it is unambiguous; a
 *                         configured separator is followed strictly (the other character is then only a thousands
 *                         separator)
 * @param defaultType      the type of rows without one, from the inbox subfolder ({@code goals/}, {@code kpis/});
 *                         null when the file must say it in a {@code type} column. A row's own type wins.
 * @param maxLineLength    the longest record in characters (a record with quoted line breaks counts all its lines);
 *                         a longer one fails the file, see {@link CsvMeasurements}. Default 1 MiB.
 * @param encoding         how the bytes are read as text; {@link CsvEncoding#AUTO} by default, see {@link CsvText}
 * @param profile          the intake profile the file is read with (its column names, locale, sheet, layout);
 *                         {@link IntakeProfile#NONE} by default. Its date formats, separators, encoding and type are
 *                         already in the fields above ({@link IntakeProfile#over}).
 */
public record CsvOptions(
        List<String> dateFormats,
        CsvDelimiter delimiter,
        CsvDecimalSeparator decimalSeparator,
        MeasurementType defaultType,
        int maxLineLength,
        CsvEncoding encoding,
        IntakeProfile profile) {

    public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    public static final int DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

    /** Null arguments take their defaults; a date pattern that is not one fails here, naming it. */
    public CsvOptions {
        dateFormats = dateFormats == null || dateFormats.isEmpty() ? List.of(DEFAULT_DATE_FORMAT)
                : List.copyOf(dateFormats);
        delimiter = delimiter == null ? CsvDelimiter.AUTO : delimiter;
        decimalSeparator = decimalSeparator == null ? CsvDecimalSeparator.AUTO : decimalSeparator;
        encoding = encoding == null ? CsvEncoding.AUTO : encoding;
        profile = profile == null ? IntakeProfile.NONE : profile;
        if (maxLineLength <= 0) {
            throw new IllegalArgumentException("CSV max line length must be positive, not " + maxLineLength);
        }
        CsvDates.compile(dateFormats, profile.locale());
    }

    public static CsvOptions defaults() {
        return new CsvOptions(null, null, null, null, DEFAULT_MAX_LINE_LENGTH, null, null);
    }

    public CsvOptions withDateFormats(String... patterns) {
        return new CsvOptions(List.of(patterns), delimiter, decimalSeparator, defaultType, maxLineLength, encoding,
                profile);
    }

    public CsvOptions withDelimiter(CsvDelimiter newDelimiter) {
        return new CsvOptions(dateFormats, newDelimiter, decimalSeparator, defaultType, maxLineLength, encoding,
                profile);
    }

    public CsvOptions withDecimalSeparator(CsvDecimalSeparator separator) {
        return new CsvOptions(dateFormats, delimiter, separator, defaultType, maxLineLength, encoding, profile);
    }

    public CsvOptions withDefaultType(MeasurementType type) {
        return new CsvOptions(dateFormats, delimiter, decimalSeparator, type, maxLineLength, encoding, profile);
    }

    public CsvOptions withMaxLineLength(int characters) {
        return new CsvOptions(dateFormats, delimiter, decimalSeparator, defaultType, characters, encoding, profile);
    }

    public CsvOptions withEncoding(CsvEncoding newEncoding) {
        return new CsvOptions(dateFormats, delimiter, decimalSeparator, defaultType, maxLineLength, newEncoding,
                profile);
    }

    /** These options with the profile's settings over them; see {@link IntakeProfile#over}. */
    public CsvOptions with(IntakeProfile newProfile, MeasurementType folderType) {
        return newProfile.over(this, folderType);
    }
}
