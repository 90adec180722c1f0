package io.ogsm.connector.delivery;

/** The exchange headers the delivery route reads and writes; sources set {@link #SOURCE}. */
public final class DeliveryHeaders {

    /** {@code Map<String,String>}: {@code kind} (push, csv, kafka, erp, replay) and source references. */
    public static final String SOURCE = "OgsmSource";
    /** The raw input, when a source could not make a measurement of it (kept in the dead letter). */
    public static final String INPUT = "OgsmInput";
    /** The idempotency key, once known. */
    public static final String KEY = "OgsmKey";
    /** A pushed measurement's key as its submitter got it (for GET /api/measurements/{key}). */
    public static final String TRACKING_KEY = "OgsmTrackingKey";
    /** Exchange property (not a header): failed attempts so far. */
    public static final String FAILURES = "OgsmFailures";
    /** When delivery of this measurement started. */
    public static final String STARTED = "OgsmStarted";
    /** Set when the route is done: {@code delivered}, {@code duplicate} or {@code dead_lettered}. */
    public static final String OUTCOME = "OgsmOutcome";
    /** The OGSM id of the delivered measurement, when the API told it. */
    public static final String OGSM_ID = "OgsmId";
    /** With outcome {@code dead_lettered}: the reason and the one-line message. */
    public static final String FAILURE_REASON = "OgsmFailureReason";
    public static final String FAILURE_MESSAGE = "OgsmFailureMessage";

    public static final String DELIVERED = "delivered";
    public static final String DUPLICATE = "duplicate";
    public static final String DEAD_LETTERED = "dead_lettered";

    private DeliveryHeaders() {
    }
}
