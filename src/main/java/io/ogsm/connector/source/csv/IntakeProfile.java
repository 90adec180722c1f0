package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvDecimalSeparator;
import io.ogsm.connector.config.CsvDelimiter;
import io.ogsm.connector.config.CsvEncoding;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.source.csv.CsvHeader.Column;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the files of one inbox folder are read ({@code config/intake.yaml}, checked by {@link IntakeProfiles}): their
 * column names, a constant type, date formats, locale, encoding, a workbook's sheet, and a wide layout. What a profile
 * leaves out is read as {@code ogsm.csv.*} says. {@link #NONE} is no profile: files outside a profile's folder.
 *
 * @param name             letters, digits, {@code -} and {@code _}; null for {@link #NONE}
 * @param folder           the inbox folder whose files it reads ({@code inbox/<folder>/})
 * @param type             the type of every row (a row's own {@code type} column still wins), or null
 * @param columns          for a field, the column names that hold it (matched as {@link CsvHeader} matches names);
 *                         a field named here is found only by these names, the others by their usual ones
 * @param dateFormats      patterns tried in order, or empty for {@code ogsm.csv.date-formats}
 * @param locale           month names, decimal separator and grouping; null for none
 * @param encoding         null for {@code ogsm.csv.encoding}
 * @param delimiter        null for {@code ogsm.csv.delimiter}
 * @param decimalSeparator null for the locale's, or without a locale {@code ogsm.csv.decimal-separator}
 * @param sheet            a workbook's sheet by name, or null for the first
 * @param wide             one row per goal or KPI and one column per period, or null for one row per measurement
 * @param file             the profiles file, for messages
 */
public record IntakeProfile(String name, String folder, MeasurementType type, Map<Column, List<String>> columns,
        List<String> dateFormats, Locale locale, CsvEncoding encoding, CsvDelimiter delimiter,
        CsvDecimalSeparator decimalSeparator, String sheet, Wide wide, String file) {

    /** No profile: the file is read by {@code ogsm.csv.*} alone. */
    public static final IntakeProfile NONE = new IntakeProfile(null, null, null, Map.of(), List.of(), null, null,
            null, null, null, null, null);

    /**
     * A wide sheet: a header that parses as a period ({@code jan 2026} by {@code MMM yyyy}) is a column of that
     * period's values.
     *
     * @param periodFormat the pattern, as configured
     * @param period       the pattern compiled with the profile's locale, see {@link CsvDates#period}
     * @param atEnd        the measurement's date is the period's last day (else its first)
     */
    public record Wide(String periodFormat, DateTimeFormatter period, boolean atEnd) {
    }

    public IntakeProfile {
        columns = Map.copyOf(columns);
        dateFormats = List.copyOf(dateFormats);
    }

    /** Where this profile's date formats are set, for the reason of a date it does not read. */
    String dateSetting() {
        return name == null ? CsvDates.DEFAULT_SETTING
                : "date-formats of intake profile '" + name + "' (" + file + ")";
    }

    /** For messages: {@code intake profile 'finance-nl'}. */
    String described() {
        return "intake profile '" + name + "'";
    }

    /**
     * The options a file of this profile is read with: the profile's settings over {@code base}
     * ({@code ogsm.csv.*}); the type of rows without one is the profile's, else {@code folderType}.
     */
    CsvOptions over(CsvOptions base, MeasurementType folderType) {
        CsvDecimalSeparator separator = decimalSeparator != null ? decimalSeparator
                : locale != null ? IntakeProfiles.decimalSeparator(locale) : base.decimalSeparator();
        return new CsvOptions(dateFormats.isEmpty() ? base.dateFormats() : dateFormats,
                delimiter != null ? delimiter : base.delimiter(), separator, type != null ? type : folderType,
                base.maxLineLength(), encoding != null ? encoding : base.encoding(), this);
    }
}
