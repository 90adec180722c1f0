package io.ogsm.connector.sandbox;

/** What the sandbox does to one request instead of (or after) answering it normally. */
public enum Fault {
    NONE,
    /** Answer 503 without touching the workspace. */
    SERVER_ERROR,
    /** Answer 429 with {@code Retry-After}, without touching the workspace. */
    RATE_LIMIT,
    /** Store the measurement, then drop the connection without an answer: the client cannot know it was stored. */
    DROP_AFTER_COMMIT
}
