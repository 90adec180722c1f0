package io.ogsm.connector.measurement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The canonical measurement every source produces and the one delivery route posts: a value of a goal or KPI on a
 * date, naming it by {@code id} or by {@code title}. Build one with {@link MeasurementReader} or check one with
 * {@link MeasurementValidation}; a measurement that passed has a type, an id or a title, a date and a value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Measurement(
        MeasurementType type,
        Long id,
        String title,
        LocalDate at,
        BigDecimal value,
        BigDecimal target,
        String description) {

    /** The same measurement naming its goal or KPI by id (after title resolution). */
    public Measurement withId(long resolvedId) {
        return new Measurement(type, resolvedId, title, at, value, target, description);
    }

    /** How the measurement names its goal or KPI, for messages: {@code KPI 31} or {@code KPI 'Revenue'}. */
    @JsonIgnore
    public String subject() {
        String kind = type == null ? "goal/KPI" : type == MeasurementType.KPI ? "KPI" : "goal";
        return id != null ? kind + " " + id : kind + " '" + title + "'";
    }
}
