package io.ogsm.connector.config;

import java.util.List;

/** The configuration breaks a rule of {@link ConfigCheck}; the message names each key at fault. */
public class InvalidConfigException extends RuntimeException {

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super("Invalid configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
