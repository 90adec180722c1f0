package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A reference by id to another resource: {@code goal: {id: 456}}, {@code strategies: [{id: 456}]}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ref(Long id) {
}
