package io.ogsm.connector.config;

/** {@code ogsm.status.mode}: the CloudEvents content mode of status-change events on Kafka. */
public enum StatusMode {
    /** The whole event as one JSON document in the record's value. */
    STRUCTURED,
    /** The event's data as the value, its attributes as {@code ce_*} headers. */
    BINARY
}
