package io.ogsm.connector.ogsm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A name-only object of the API: a label, an assignee, an involved person, an action status. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Named(String name) {
}
