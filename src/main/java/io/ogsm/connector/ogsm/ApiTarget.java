package io.ogsm.connector.ogsm;

import java.net.URI;

/** Where the connector sends its API calls, with which credentials, and whether that is the built-in sandbox. */
public record ApiTarget(URI baseUrl, ApiCredentials credentials, boolean sandbox) {
}
