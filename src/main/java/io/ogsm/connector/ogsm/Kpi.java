package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;
import java.util.List;

/** A KPI (the API calls it an indicator), as {@code GET /api/v2/indicators.json} lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Kpi(
        Long id,
        String title,
        List<Named> labels,
        String description,
        String targetUnit,
        Named assignee,
        List<Ref> strategies,
        List<CanvasPlacement> ogsmCanvases,
        TrafficLight trafficLight,
        Boolean archived,
        BigDecimal chartVerticalMin,
        String aggregationMethod,
        String chartType) {
}
