package io.ogsm.connector.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BasicAuthTest {

    private final BasicAuth credentials = new BasicAuth("ops", "s3cr:et é");

    private static String encoded(String pair) {
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "''{0}'' + base64(''{1}''): {2}")
    @CsvSource(delimiter = '|', value = {
            "Basic   | ops:s3cr:et é  | true",
            "basic   | ops:s3cr:et é  | true",
            "BASIC   | ops:s3cr:et é  | true",
            "Basic   | ops:s3cr:et    | false",
            "Basic   | ops:s3cr:et éx | false",
            "Basic   | Ops:s3cr:et é  | false",
            "Basic   | ops            | false",
            "Basic   | :              | false",
            "Bearer  | ops:s3cr:et é  | false",
    })
    void acceptsOnlyTheSameCredentialsWhateverTheSchemesCase(String scheme, String pair, boolean accepted) {
        assertEquals(accepted, credentials.accepts(scheme + " " + encoded(pair)));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @CsvSource(delimiter = '|', value = {"Basic", "Basic !!!not-base64!!!", "b3BzOnMzY3I6ZXQgw6k=", "' '"})
    void refusesWhatIsNoBasicHeader(String header) {
        assertEquals(false, credentials.accepts(header));
    }

    @Test
    void refusesNoHeaderAndSendsWhatItAccepts() {
        assertEquals(false, credentials.accepts(null));
        assertEquals(true, credentials.accepts(BasicAuth.header("ops", "s3cr:et é")));
        assertEquals(true, credentials.accepts("  " + BasicAuth.header("ops", "s3cr:et é") + " "));
        assertEquals("Basic b3BzOnB3", BasicAuth.header("ops", "pw"));
    }
}
