package io.ogsm.connector.measurement;

import io.ogsm.connector.testing.MutableClock;

import io.ogsm.connector.ogsm.Goal;
import io.ogsm.connector.ogsm.Kpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TitleResolverTest {

    private static final Duration MIN_REFRESH = Duration.ofMinutes(1);

    /** Answers the current list and counts how often it was asked. */
    static final class Counting<T> implements Supplier<List<T>> {
        final List<T> items = new ArrayList<>();
        int calls;

        @SafeVarargs
        Counting(T... items) {
            this.items.addAll(List.of(items));
        }

        @Override
        public List<T> get() {
            calls++;
            return List.copyOf(items);
        }
    }

    private static Goal goal(long id, String title) {
        return new Goal(id, title, null, null, null, null, null, null, null, null, null, null);
    }

    private static Kpi kpi(long id, String title) {
        return new Kpi(id, title, null, null, null, null, null, null, null, null, null, null, null);
    }

    private final MutableClock clock = new MutableClock();
    private final Counting<Goal> goals = new Counting<>(goal(11, "Revenue, net"), goal(12, "Market share"),
            goal(13, null));
    private final Counting<Kpi> kpis = new Counting<>(kpi(31, "Revenue, net"), kpi(32, "On-time  delivery"),
            kpi(33, "Churn"), kpi(34, "churn "));
    private final TitleResolver resolver = new TitleResolver(goals, kpis, MIN_REFRESH, clock);

    @ParameterizedTest(name = "{0} ''{1}'' resolves to {2}")
    @CsvSource(delimiter = '|', value = {
            "GOAL | Revenue, net           | 11",
            "GOAL | '  REVENUE,   net  '   | 11",
            "GOAL | market share           | 12",
            "KPI  | Revenue, net           | 31",
            "KPI  | 'on-time delivery'     | 32",
            "KPI  | 'ON-TIME\tDELIVERY'    | 32",
    })
    void resolvesTitlesIgnoringCaseAndWhiteSpace(MeasurementType type, String title, long id) {
        assertEquals(id, resolver.resolve(type, title));
    }

    @Test
    void resolvesAMeasurementToTheSameMeasurementWithTheId() {
        Measurement m = new Measurement(MeasurementType.KPI, null, " revenue, NET ", LocalDate.of(2024, 10, 9),
                BigDecimal.ONE, null, null);

        assertEquals(m.withId(31), resolver.resolve(m));
    }

    @Test
    void returnsAMeasurementWithAnIdAloneUnchangedWithoutReadingTheLists() {
        Measurement m = new Measurement(MeasurementType.KPI, 99L, null, LocalDate.of(2024, 10, 9),
                BigDecimal.ONE, null, null);

        assertSame(m, resolver.resolve(m));
        assertEquals(0, goals.calls);
        assertEquals(0, kpis.calls);
    }

    @Test
    void readsTheListsOnceWhileEveryTitleIsKnown() {
        resolver.resolve(MeasurementType.GOAL, "Revenue, net");
        resolver.resolve(MeasurementType.GOAL, "Market share");
        clock.advance(Duration.ofHours(1));
        resolver.resolve(MeasurementType.GOAL, "Revenue, net");

        assertEquals(1, goals.calls);
        assertEquals(0, kpis.calls, "only the list of the measurement's type is read");
    }

    @Test
    void refusesAnUnknownTitleAsNotAmbiguous() {
        UnresolvedTitleException e = assertThrows(UnresolvedTitleException.class,
                () -> resolver.resolve(MeasurementType.GOAL, "  Profit "));

        assertFalse(e.contradictory());
        assertTrue(e.getMessage().contains("'Profit'"), e.getMessage());
    }

    @Test
    void doesNotResolveATitleOfTheOtherType() {
        assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(MeasurementType.GOAL, "Churn"));
    }

    @Test
    void refreshesTheListsOnAMissAtMostOncePerInterval() {
        resolver.resolve(MeasurementType.KPI, "Revenue, net");
        assertEquals(1, kpis.calls);

        kpis.items.add(kpi(35, "NPS"));
        assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(MeasurementType.KPI, "NPS"));
        assertEquals(1, kpis.calls, "no refresh within the interval of the last read");

        clock.advance(MIN_REFRESH.minusSeconds(1));
        assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(MeasurementType.KPI, "NPS"));
        assertEquals(1, kpis.calls, "still within the interval");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(35, resolver.resolve(MeasurementType.KPI, "NPS"));
        assertEquals(2, kpis.calls, "one refresh once the interval passed");

        assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(MeasurementType.KPI, "Unknown"));
        assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(MeasurementType.KPI, "Unknown"));
        assertEquals(2, kpis.calls, "a run of misses right after a refresh reads nothing more");

        clock.advance(MIN_REFRESH);
        assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(MeasurementType.KPI, "Unknown"));
        assertEquals(3, kpis.calls, "the next miss after the interval refreshes once more");
        assertEquals(0, goals.calls);
    }

    @Test
    void refusesATitleNamingSeveralEntriesAsAmbiguousListingTheirIds() {
        UnresolvedTitleException e = assertThrows(UnresolvedTitleException.class,
                () -> resolver.resolve(MeasurementType.KPI, "CHURN"));

        assertTrue(e.contradictory());
        assertTrue(e.getMessage().contains("33"), e.getMessage());
        assertTrue(e.getMessage().contains("34"), e.getMessage());
    }

    @Test
    void skipsEntriesWithoutATitle() {
        assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(MeasurementType.GOAL, ""));
    }

    private static Measurement kpiMeasurement(Long id, String title) {
        return new Measurement(MeasurementType.KPI, id, title, java.time.LocalDate.of(2026, 10, 31),
                java.math.BigDecimal.ONE, null, null);
    }

    @Test
    void anIdAndATitleOfTheSameKpiPass() {
        Measurement m = kpiMeasurement(32L, "on-time delivery");
        assertEquals(m, resolver.resolve(m));
    }

    @Test
    void anIdAndATitleOfDifferentKpisAreRefusedNamingBoth() {
        UnresolvedTitleException e = assertThrows(UnresolvedTitleException.class,
                () -> resolver.resolve(kpiMeasurement(31L, "Churn")));
        assertTrue(e.contradictory(), "a validation failure, not a missing KPI");
        assertTrue(e.getMessage().contains("KPI 31 is 'Revenue, net', not 'Churn'")
                && e.getMessage().contains("KPI 33, 34"), e.getMessage());

        e = assertThrows(UnresolvedTitleException.class, () -> resolver.resolve(kpiMeasurement(31L, "NPS")));
        assertTrue(e.getMessage().contains("no KPI has that title"), e.getMessage());
    }

    @Test
    void aKpiRenamedInTheWorkspaceIsSeenAfterOneRefresh() {
        resolver.resolve(kpiMeasurement(33L, "Churn"));
        kpis.items.set(2, kpi(33, "Customer churn"));
        clock.advance(MIN_REFRESH);
        Measurement renamed = kpiMeasurement(33L, "Customer churn");
        assertEquals(renamed, resolver.resolve(renamed));
    }

    @Test
    void anIdTheListsDoNotHoldIsLeftToTheApi() {
        Measurement m = kpiMeasurement(99L, "Churn");
        assertEquals(m, resolver.resolve(m));
    }
}
