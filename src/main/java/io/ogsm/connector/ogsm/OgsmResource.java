package io.ogsm.connector.ogsm;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven lists of the OGSM API v2, with their paths and record types. {@link #key()} is the name used in our own
 * config, events and record keys ({@code goal}, {@code kpi}, ...); {@link #apiName()} is the API's own plural.
 */
public enum OgsmResource {
    OBJECTIVES("objective", "objectives", Objective.class),
    GOALS("goal", "goals", Goal.class),
    STRATEGIES("strategy", "strategies", Strategy.class),
    KPIS("kpi", "indicators", Kpi.class),
    ACTIONS("action", "actions", Action.class),
    GOAL_MEASUREMENTS("goal_measurement", "goal_reports", GoalMeasurement.class),
    KPI_MEASUREMENTS("kpi_measurement", "indicator_reports", KpiMeasurement.class);

    public static final String API_PREFIX = "/api/v2/";

    private final String key;
    private final String apiName;
    private final Class<?> type;

    OgsmResource(String key, String apiName, Class<?> type) {
        this.key = key;
        this.apiName = apiName;
        this.type = type;
    }

    public String key() {
        return key;
    }

    public String apiName() {
        return apiName;
    }

    /** The path below the base URL, e.g. {@code /api/v2/indicators.json}. */
    public String path() {
        return API_PREFIX + apiName + ".json";
    }

    public Class<?> type() {
        return type;
    }

    /** True for the two measurement lists, the only ones the API lets us create in. */
    public boolean isMeasurement() {
        return this == GOAL_MEASUREMENTS || this == KPI_MEASUREMENTS;
    }

    public static Optional<OgsmResource> byApiName(String apiName) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(apiName)).findFirst();
    }
}
