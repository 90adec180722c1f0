package io.ogsm.connector.config;

import org.eclipse.microprofile.config.spi.Converter;

/** {@code ogsm.status.mode}: the CloudEvents Kafka encoding of status changes. */
public enum StatusEventMode {
    /** One JSON document per record. */
    STRUCTURED,
    /** {@code ce_} headers, the data as the value. */
    BINARY;

    /** {@code structured} or {@code binary}, lower case, as before the key was typed. */
    public static StatusEventMode of(String text) {
        return switch (text) {
            case "structured" -> STRUCTURED;
            case "binary" -> BINARY;
            default -> throw new IllegalArgumentException("ogsm.status.mode must be structured or binary, was " + text);
        };
    }

    public static final class FromConfig implements Converter<StatusEventMode> {
        @Override
        public StatusEventMode convert(String value) {
            return of(value);
        }
    }
}
