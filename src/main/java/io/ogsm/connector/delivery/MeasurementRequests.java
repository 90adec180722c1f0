package io.ogsm.connector.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ogsm.connector.measurement.Measurement;
import io.ogsm.connector.measurement.MeasurementType;
import io.ogsm.connector.ogsm.GoalMeasurement;
import io.ogsm.connector.ogsm.GoalReportRequest;
import io.ogsm.connector.ogsm.KpiMeasurement;
import io.ogsm.connector.ogsm.KpiReportRequest;
import io.ogsm.connector.ogsm.OgsmJson;
import io.ogsm.connector.ogsm.OgsmResource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A measurement in the API's terms: the create body, the list it lands in, and how to find it there again. */
public final class MeasurementRequests {

    private MeasurementRequests() {
    }

    public static OgsmResource list(Measurement m) {
        return m.type() == MeasurementType.GOAL ? OgsmResource.GOAL_MEASUREMENTS : OgsmResource.KPI_MEASUREMENTS;
    }

    public static GoalReportRequest goalBody(Measurement m) {
        return new GoalReportRequest(GoalMeasurement.toCreate(m.id(), m.at(), m.value(), m.target(), m.description()));
    }

    public static KpiReportRequest kpiBody(Measurement m) {
        return new KpiReportRequest(KpiMeasurement.toCreate(m.id(), m.at(), m.value(), m.target(), m.description()));
    }

    /** The create body: a {@link GoalReportRequest} or a {@link KpiReportRequest}, for the API mapping to write. */
    public static Object body(Measurement m) {
        return m.type() == MeasurementType.GOAL ? goalBody(m) : kpiBody(m);
    }

    /** The request as a dead letter records it: method, path and body, no headers. */
    public static JsonNode describe(Measurement m) {
        ObjectNode request = OgsmJson.mapper().createObjectNode();
        request.put("method", "POST");
        request.put("path", list(m).path());
        if (m.id() != null) {
            request.set("body", OgsmJson.mapper().valueToTree(body(m)));
        }
        return request;
    }

    /** Whether a stored measurement of the API's list is this one (same goal/KPI, date, value, target, text). */
    public static boolean same(Measurement m, Long parentId, LocalDate at, BigDecimal value,
            BigDecimal target, String description) {
        return Objects.equals(m.id(), parentId)
                && Objects.equals(m.at(), at)
                && equal(m.value(), value)
                && equal(m.target(), target)
                && Objects.equals(blankToNull(m.description()), blankToNull(description));
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankToNull(String text) {
        return Optional.ofNullable(text).filter(t -> !t.isBlank()).orElse(null);
    }
}
