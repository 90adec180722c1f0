package io.ogsm.connector.source.erp;

import io.ogsm.connector.http.BasicAuth;

/**
 * How requests to a source authenticate: none, HTTP Basic, a bearer token, or an API key in a header. The secrets
 * are never part of {@link #toString()}.
 */
public sealed interface ErpAuth {

    /** The header name and value to send, or null for none. */
    String headerName();

    String headerValue();

    record None() implements ErpAuth {
        public String headerName() {
            return null;
        }

        public String headerValue() {
            return null;
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    record Basic(String username, String password) implements ErpAuth {
        public String headerName() {
            return "Authorization";
        }

        public String headerValue() {
            return BasicAuth.header(username, password);
        }

        @Override
        public String toString() {
            return "basic (user '" + username + "')";
        }
    }

    record Bearer(String token) implements ErpAuth {
        public String headerName() {
            return "Authorization";
        }

        public String headerValue() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "bearer";
        }
    }

    record Header(String name, String value) implements ErpAuth {
        public String headerName() {
            return name;
        }

        public String headerValue() {
            return value;
        }

        @Override
        public String toString() {
            return "header " + name;
        }
    }
}
