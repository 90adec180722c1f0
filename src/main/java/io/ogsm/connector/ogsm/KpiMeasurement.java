package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A KPI measurement (the API calls it an indicator report): listed by {@code GET /api/v2/indicator_reports.json},
 * created by {@code POST /api/v2/indicator_reports.json} inside a {@link KpiReportRequest}. Null fields are left out
 * when written.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KpiMeasurement(
        Long id,
        Ref indicator,
        LocalDate at,
        BigDecimal currentValue,
        BigDecimal targetValue,
        TrafficLight trafficLight,
        Boolean showInOgsm,
        String description) {

    /** The body of a new measurement: no id, no traffic light (the API computes those). */
    public static KpiMeasurement toCreate(long kpiId, LocalDate at, BigDecimal value, BigDecimal target,
            String description) {
        return new KpiMeasurement(null, new Ref(kpiId), at, value, target, null, null, description);
    }
}
