package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** A strategy, as {@code GET /api/v2/strategies.json} lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Strategy(
        Long id,
        String title,
        List<Named> labels,
        String description,
        Named assignee,
        List<CanvasPlacement> ogsmCanvases,
        Boolean archived) {
}
