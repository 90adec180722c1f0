package io.ogsm.connector.config;

import io.quarkus.runtime.configuration.ConfigurationException;

import java.util.List;

/**
 * The configuration breaks a rule of {@link ConfigCheck}; the message names each key at fault. As a Quarkus
 * {@link ConfigurationException} it stops the start with just this message, no stack trace.
 */
public class InvalidConfigException extends ConfigurationException {

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("Invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
