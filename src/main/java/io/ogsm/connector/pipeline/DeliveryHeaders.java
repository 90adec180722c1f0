package io.ogsm.connector.pipeline;

/** The exchange headers the delivery route reads and writes; sources set {@link #SOURCE}. */
public final class DeliveryHeaders {

    /** {@code Map<String,String>}: {@code kind} (push, csv, kafka, erp, replay) and source references. */
    public static final String SOURCE = "OgsmSource";
    /** The raw input, when a source could not make a measurement of it (kept in the dead letter). */
    public static final String INPUT = "OgsmInput";
    /** Set by a source when its input is not a measurement: why (the dead letter's message). */
    public static final String INVALID = "OgsmInvalid";
    /** A dropped file's exchange: how many of its rows are no measurement (one dead letter for them all). */
    public static final String REJECTED_ROWS = "OgsmRejectedRows";
    /**
     * A rejects file dropped again (its file's exchange, once settled): the names its original file had in the inbox
     * ({@code List<String>}). That file's dead letter of rows that are no measurement is settled by it, and so are
     * the dead letters of its lines in {@link #SETTLED_LINES}.
     */
    public static final String SETTLES = "OgsmSettles";
    /** With {@link #SETTLES}: the original file's lines ({@code Set<Long>}) whose rows were fixed and delivered. */
    public static final String SETTLED_LINES = "OgsmSettledLines";
    /** With {@link #REJECTED_ROWS}: the rejects file, as shown (relative to the data folder). */
    public static final String REJECTS_FILE = "OgsmRejectsFile";
    /** With {@link #INVALID}: the class of the exception that said so, if any. */
    public static final String INVALID_EXCEPTION = "OgsmInvalidException";
    /** Set (true) for a Kafka message that cannot be read at all; the body is then its raw value. */
    public static final String POISON = "OgsmPoison";
    /** Set by a source that splits its input: how many items one record holds (a Kafka record's array). */
    public static final String ITEMS = "OgsmItems";
    /** The idempotency key, once known. */
    public static final String KEY = "OgsmKey";
    /** With {@link #KEY}: the measurement's {@link Changes.Identity} (which change of its figure it is). */
    public static final String IDENTITY = "OgsmIdentity";
    /** A pushed measurement's key as its submitter got it (for GET /api/measurements/{key}). */
    public static final String TRACKING_KEY = "OgsmTrackingKey";
    /** Exchange property (not a header): failed attempts so far. */
    public static final String FAILURES = "OgsmFailures";
    /** When delivery of this measurement started. */
    public static final String STARTED = "OgsmStarted";
    /** Set when the route is done: its {@link Outcome}. */
    public static final String OUTCOME = "OgsmOutcome";
    /** The OGSM id of the delivered measurement, when the API told it. */
    public static final String OGSM_ID = "OgsmId";
    /** With outcome {@code dead_lettered}: the reason and the one-line message. */
    public static final String FAILURE_REASON = "OgsmFailureReason";
    public static final String FAILURE_MESSAGE = "OgsmFailureMessage";

    /** A pushed measurement's tracking state while it waits in the push queue. */
    public static final String QUEUED = "queued";

    private DeliveryHeaders() {
    }
}
