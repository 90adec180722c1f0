package io.ogsm.connector.ogsm;

/**
 * Whether a failed call means the server refuses our credentials. Implemented by the one failure policy,
 * {@code pipeline.FailureClassifier}; declared here so that {@link ApiAccess} asks it without the API model importing
 * the pipeline (the pipeline imports the model, not the reverse).
 */
@FunctionalInterface
public interface CredentialsPolicy {

    boolean refusesCredentials(Throwable failure);
}
