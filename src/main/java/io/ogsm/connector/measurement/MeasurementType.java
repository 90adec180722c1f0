package io.ogsm.connector.measurement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** What a measurement is for: a goal, or a KPI (the API's indicator). */
public enum MeasurementType {
    GOAL("goal"),
    KPI("kpi");

    private final String key;

    MeasurementType(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    static MeasurementType fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("type '" + text + "' is not goal or kpi"));
    }

    /** Reads {@code goal}, {@code kpi}, and the API's words {@code goals}, {@code indicator}, ..., in any case. */
    public static Optional<MeasurementType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "goal", "goals" -> Optional.of(GOAL);
            case "kpi", "kpis", "indicator", "indicators" -> Optional.of(KPI);
            default -> Optional.empty();
        };
    }
}
