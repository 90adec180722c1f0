package io.ogsm.connector.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The rules every measurement meets before it is delivered, whichever source brought it. */
public final class MeasurementValidation {

    /** The OGSM API stores dates; we refuse the absurd ones rather than let a typo land in a dashboard. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    static final int MAX_TITLE_LENGTH = 500;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    /** Digits before the decimal point; beyond, a value is surely a mistake (or an attack on the number parser). */
    static final int MAX_INTEGER_DIGITS = 18;
    /** Digits after the decimal point, as in the text form; also bounds what {@code toPlainString} may build. */
    static final int MAX_FRACTION_DIGITS = 30;

    private MeasurementValidation() {
    }

    public static List<Violation> check(Measurement m) {
        List<Violation> violations = new ArrayList<>();
        if (m.type() == null) {
            violations.add(Violation.of("type", null, "is missing: say goal or kpi"));
        }
        if (m.id() == null && (m.title() == null || m.title().isBlank())) {
            violations.add(Violation.of("id", null, "or title is required"));
        }
        if (m.id() != null && m.id() <= 0) {
            violations.add(Violation.of("id", m.id(), "must be a positive number"));
        }
        if (m.title() != null && m.title().length() > MAX_TITLE_LENGTH) {
            violations.add(Violation.of("title", m.title(), "is longer than " + MAX_TITLE_LENGTH + " characters"));
        }
        if (m.at() == null) {
            violations.add(Violation.of("at", null, "is missing"));
        } else if (m.at().isBefore(EARLIEST) || m.at().isAfter(LATEST)) {
            violations.add(Violation.of("at", m.at(), "is not between " + EARLIEST + " and " + LATEST));
        }
        if (m.value() == null) {
            violations.add(Violation.of("value", null, "is missing"));
        } else {
            number(violations, "value", m.value());
        }
        if (m.target() != null) {
            number(violations, "target", m.target());
        }
        if (m.description() != null && m.description().length() > MAX_DESCRIPTION_LENGTH) {
            violations.add(Violation.of("description", m.description(),
                    "is longer than " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        return violations;
    }

    private static void number(List<Violation> violations, String field, BigDecimal value) {
        // toString, not toPlainString: 1e999999999 would be written out as a billion digits
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            violations.add(Violation.of(field, value.toString(), "is too large"));
        } else if (value.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            violations.add(Violation.of(field, value.toString(),
                    "has more than " + MAX_FRACTION_DIGITS + " digits after the decimal point"));
        }
    }
}
