package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.LocalDate;
import java.util.List;

/** An action, as {@code GET /api/v2/actions.json} lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Action(
        Long id,
        String title,
        List<Named> labels,
        List<Ref> strategies,
        String description,
        Named assignee,
        List<Named> involved,
        LocalDate start,
        LocalDate due,
        Named status,
        List<CanvasPlacement> ogsmCanvases,
        TrafficLight trafficLight,
        Integer progress,
        Boolean archived) {
}
