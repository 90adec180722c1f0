package io.ogsm.connector.source.erp;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a source is polled: every {@code interval}, or on a Quartz cron expression. */
public record ErpSchedule(Duration interval, String cron) {

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    /** Reads {@code 15m}, {@code 30s}, {@code 1h}, {@code 500ms}, {@code 1d}, or a Quartz cron such as {@code 0 0/15 * * * ?}. */
    public static ErpSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty: say an interval such as 15m or a Quartz cron");
        }
        String trimmed = text.trim();
        Matcher interval = INTERVAL.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (interval.matches()) {
            long amount = Long.parseLong(interval.group(1));
            Duration duration = switch (interval.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (duration.toMillis() < 100) {
                throw new IllegalArgumentException("'" + trimmed + "' is shorter than 100ms");
            }
            return new ErpSchedule(duration, null);
        }
        if (trimmed.split("\\s+").length < 6) {
            throw new IllegalArgumentException("'" + trimmed + "' is neither an interval such as 15m nor a Quartz "
                    + "cron (6 or 7 fields, e.g. \"0 0/15 * * * ?\")");
        }
        try {
            new CronExpression(trimmed);
        } catch (ParseException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a valid Quartz cron: " + e.getMessage());
        }
        return new ErpSchedule(null, trimmed.replaceAll("\\s+", " "));
    }

    /** The Camel endpoint that starts the source's polls. */
    public String endpointUri(String sourceName, Duration initialDelay) {
        if (interval != null) {
            // synchronous: the timer waits for the poll (ErpPolls also skips a trigger while a poll is running)
            return "timer:erp-" + sourceName + "?delay=" + initialDelay.toMillis() + "&period=" + interval.toMillis()
                    + "&synchronous=true";
        }
        // Quartz: spaces as '+'; stateful, so a slow poll is never overlapped by the next one
        return "quartz:erp/" + sourceName + "?cron=" + cron.replace(' ', '+') + "&stateful=true";
    }

    @Override
    public String toString() {
        return interval != null ? "every " + interval : "cron '" + cron + "'";
    }
}
