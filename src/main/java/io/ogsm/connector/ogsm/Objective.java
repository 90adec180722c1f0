package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** An objective, as {@code GET /api/v2/objectives.json} lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Objective(
        Long id,
        String title,
        List<Named> labels,
        String description,
        Named assignee,
        List<CanvasPlacement> ogsmCanvases,
        Boolean archived) {
}
