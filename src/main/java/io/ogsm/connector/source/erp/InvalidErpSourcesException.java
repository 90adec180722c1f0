package io.ogsm.connector.source.erp;

import io.ogsm.connector.config.InvalidConfigException;

import java.util.List;

/**
 * The ERP sources file breaks a rule; each problem names the file, the source and the field. As a Quarkus
 * configuration exception it stops the start with this one line, no stack trace.
 */
public class InvalidErpSourcesException extends InvalidConfigException {

    public InvalidErpSourcesException(List<String> problems) {
        super(problems);
    }
}
