package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A goal measurement (the API calls it a goal report): listed by {@code GET /api/v2/goal_reports.json}, created by
 * {@code POST /api/v2/goal_reports.json} inside a {@link GoalReportRequest}. Null fields are left out when written,
 * so a create body carries only what was set.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalMeasurement(
        Long id,
        Ref goal,
        LocalDate at,
        BigDecimal currentValue,
        BigDecimal targetValue,
        TrafficLight trafficLight,
        Boolean showInOgsm,
        String description) {

    /** The body of a new measurement: no id, no traffic light (the API computes those). */
    public static GoalMeasurement toCreate(long goalId, LocalDate at, BigDecimal value, BigDecimal target,
            String description) {
        return new GoalMeasurement(null, new Ref(goalId), at, value, target, null, null, description);
    }
}
