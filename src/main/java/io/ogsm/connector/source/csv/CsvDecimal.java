package io.ogsm.connector.source.csv;

import io.ogsm.connector.config.CsvDecimalSeparator;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number as spreadsheets write it: {@code 45.6}, {@code 45,6}, {@code 1.234,56}, {@code 1,234.56}.
 *
 * <p>With the decimal separator {@link CsvDecimalSeparator#AUTO} the file's delimiter decides what a lone separator
 * means: in a {@code ;} or tab file (a European spreadsheet's) a comma is the decimal separator ({@code 1,5} = 1.5)
 * and a point is one too unless it could be a thousands separator ({@code 1.5} = 1.5, but {@code 1.234} is ambiguous);
 * in a {@code ,} file a point is the decimal separator and a lone comma ({@code "1,5"}, {@code "1,234"}) is
 * ambiguous. Both separators in one number ({@code 1.234,56}) or one repeated ({@code 1.234.567}) are never
 * ambiguous. Ambiguous numbers are refused, never guessed.
 *
 * <p>A configured separator is followed strictly: the other character may only group thousands, in groups of three.
 *
 * <p>As spreadsheets format them, also: a percent sign after the number is dropped ({@code 87,5%} is 87.5, not
 * divided); one currency sign before or after it ({@code € 7,85}, {@code 7,85 €}, {@code -$3}); thousands grouped by
 * spaces or apostrophes (a space, no-break, narrow no-break or thin space: {@code 1 234,5}; {@code 1'234.5}), after which a lone
 * {@code ,} or {@code .} is the decimal separator; an exponent ({@code 1,5E3} is 1500, the mantissa read by the rules
 * above). Currency codes ({@code 12 EUR}) and anything else around a number are refused.
 */
final class CsvDecimal {

    /** Longer text is surely no measurement, and BigDecimal need not see it. */
    static final int MAX_LENGTH = 100;

    private static final Pattern NUMERIC = Pattern.compile("[+-]?[0-9.,]*[0-9][0-9.,]*");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern POINT_GROUPED = Pattern.compile("[1-9][0-9]{0,2}(\\.[0-9]{3})+");
    private static final Pattern COMMA_GROUPED = Pattern.compile("[1-9][0-9]{0,2}(,[0-9]{3})+");
    private static final Pattern LOOKS_GROUPED_BY_POINT = Pattern.compile("[+-]?[1-9][0-9]{0,2}\\.[0-9]{3}");
    /**
     * Marks that group thousands and are never a decimal separator: space, no-break space, narrow no-break space, thin
     * space (French, Nordic), and the apostrophes Swiss locales group with ({@code 1'234.5}, {@code 1’234.5}).
     */
    private static final String GROUP_SPACES = " \u00A0\u202F\u2009'\u2019";
    private static final Pattern SPACE_GROUPED = Pattern.compile(
            "([+-]?[1-9][0-9]{0,2}(?:[" + GROUP_SPACES + "][0-9]{3})+)([.,][0-9]+)?");
    private static final Pattern EXPONENT = Pattern.compile("(.*[0-9])[eE]([+-]?[0-9]{1,3})");
    private static final String CURRENCIES = "\u20AC$\u00A3\u00A5";

    /** Exactly one of {@code value} and {@code problem} is set; the problem completes "value '1,5' ...". */
    record Result(BigDecimal value, String problem) {
    }

    private final CsvDecimalSeparator configured;
    private final char delimiter;

    CsvDecimal(CsvDecimalSeparator configured, char delimiter) {
        this.configured = configured;
        this.delimiter = delimiter;
    }

    Result parse(String raw) {
        String text = raw.trim();
        if (text.length() > MAX_LENGTH) {
            return problem("is too long to be a number");
        }
        text = undecorated(text);
        Matcher exponent = EXPONENT.matcher(text);
        if (exponent.matches()) {
            Result mantissa = plain(exponent.group(1));
            return mantissa.value() == null ? mantissa
                    : new Result(mantissa.value().scaleByPowerOfTen(Integer.parseInt(exponent.group(2))), null);
        }
        return plain(text);
    }

    /** The number without a percent sign after it and a currency sign before or after it. */
    private static String undecorated(String text) {
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        String sign = "";
        if (text.length() > 1 && (text.charAt(0) == '-' || text.charAt(0) == '+')
                && CURRENCIES.indexOf(text.charAt(1)) >= 0) {
            sign = text.substring(0, 1);
            text = text.substring(1);
        }
        if (!text.isEmpty() && CURRENCIES.indexOf(text.charAt(0)) >= 0) {
            text = text.substring(1).strip();
        } else if (!text.isEmpty() && CURRENCIES.indexOf(text.charAt(text.length() - 1)) >= 0) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return sign + text;
    }

    /** A number without exponent. */
    private Result plain(String text) {
        Matcher spaced = SPACE_GROUPED.matcher(text);
        if (spaced.matches()) {
            // grouped by spaces: a lone separator after the groups can only be the decimal one
            String integer = spaced.group(1).replaceAll("[" + GROUP_SPACES + "]", "");
            String fraction = spaced.group(2) == null ? "" : "." + spaced.group(2).substring(1);
            if (configured != CsvDecimalSeparator.AUTO && spaced.group(2) != null
                    && spaced.group(2).charAt(0) != configured.character()) {
                return problem("is not a number with '" + configured.character() + "' as decimal separator");
            }
            return new Result(new BigDecimal(integer + fraction), null);
        }
        if (!NUMERIC.matcher(text).matches()) {
            return problem("is not a number");
        }
        char decimal;
        if (configured != CsvDecimalSeparator.AUTO) {
            decimal = configured.character();
        } else {
            int lastPoint = text.lastIndexOf('.');
            int lastComma = text.lastIndexOf(',');
            if (lastPoint >= 0 && lastComma >= 0) {
                decimal = lastPoint > lastComma ? '.' : ',';
            } else if (lastPoint < 0 && lastComma < 0) {
                decimal = '.';
            } else {
                char separator = lastPoint >= 0 ? '.' : ',';
                if (text.indexOf(separator) != text.lastIndexOf(separator)) {
                    // repeated: it groups thousands, so the decimal separator is the other one
                    decimal = separator == '.' ? ',' : '.';
                } else if (delimiter == ',' && separator == ',') {
                    return problem("is ambiguous: ',' may be a decimal or a thousands separator;"
                            + " set the CSV decimal separator");
                } else if (separator == '.' && delimiter != ',' && LOOKS_GROUPED_BY_POINT.matcher(text).matches()) {
                    return problem("is ambiguous: '.' may be a decimal or a thousands separator;"
                            + " set the CSV decimal separator");
                } else {
                    decimal = separator;
                }
            }
        }
        BigDecimal value = strict(text, decimal);
        if (value != null) {
            return new Result(value, null);
        }
        return configured == CsvDecimalSeparator.AUTO ? problem("is not a number")
                : problem("is not a number with '" + decimal + "' as decimal separator");
    }

    /** The number with this decimal separator and the other one grouping thousands, or null if it is not one. */
    private static BigDecimal strict(String text, char decimal) {
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        int at = body.indexOf(decimal);
        if (at >= 0 && body.indexOf(decimal, at + 1) >= 0) {
            return null;
        }
        String integer = at < 0 ? body : body.substring(0, at);
        String fraction = at < 0 ? "" : body.substring(at + 1);
        if (at >= 0 && (integer.isEmpty() || !DIGITS.matcher(fraction).matches())) {
            return null;
        }
        if (!DIGITS.matcher(integer).matches()) {
            Pattern grouped = decimal == ',' ? POINT_GROUPED : COMMA_GROUPED;
            if (!grouped.matcher(integer).matches()) {
                return null;
            }
            integer = integer.replace(decimal == ',' ? "." : ",", "");
        }
        String plain = (negative ? "-" : "") + integer + (fraction.isEmpty() ? "" : "." + fraction);
        return new BigDecimal(plain);
    }

    private static Result problem(String message) {
        return new Result(null, message);
    }
}
