package io.ogsm.connector.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.eclipse.microprofile.config.spi.Converter;
import org.quartz.CronExpression;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The rules of single {@code ogsm.*} keys that Jakarta's and Hibernate Validator's own annotations cannot say. A
 * {@code %s} in a message is replaced by the value at fault ({@link OgsmConfigValidator}).
 */
public final class ConfigConstraints {

    public static final String POSITIVE = "must be a positive duration such as 30s, was %s";
    public static final String NOT_NEGATIVE = "must not be negative, was %s";
    public static final String SHARE = "must be between 0 and 1, was %s";

    private ConfigConstraints() {
    }

    /** A size between {@code min} and {@code max}, written as in the properties ({@code 1K}, {@code 64M}). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = SizeRangeCheck.class)
    public @interface SizeRange {
        String min();

        String max() default "";

        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class SizeRangeCheck implements ConstraintValidator<SizeRange, MemorySize> {
        private long min;
        private long max;

        @Override
        public void initialize(SizeRange range) {
            min = bytes(range.min());
            max = range.max().isEmpty() ? Long.MAX_VALUE : bytes(range.max());
        }

        @Override
        public boolean isValid(MemorySize size, ConstraintValidatorContext context) {
            return size == null || (size.asLongValue() >= min && size.asLongValue() <= max);
        }

        private static long bytes(String size) {
            return new MemorySizeConverter().convert(size).asLongValue();
        }
    }

    /** Date patterns such as {@code yyyy-MM-dd}; the message names the first that is none. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DatePatternsCheck.class)
    public @interface DatePatterns {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class DatePatternsCheck implements ConstraintValidator<DatePatterns, List<String>> {
        @Override
        public boolean isValid(List<String> patterns, ConstraintValidatorContext context) {
            for (String pattern : patterns == null ? List.<String>of() : patterns) {
                try {
                    DateTimeFormatter.ofPattern(pattern);
                } catch (IllegalArgumentException e) {
                    return refuse(context, ": '" + pattern + "' is not a date pattern such as yyyy-MM-dd");
                }
            }
            return true;
        }
    }

    /** A Quartz cron expression such as {@code 0 0/15 * * * ?}. */
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = QuartzCronCheck.class)
    public @interface QuartzCron {
        String message() default "'%s' is not a Quartz cron expression such as 0 0/15 * * * ?";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class QuartzCronCheck implements ConstraintValidator<QuartzCron, String> {
        @Override
        public boolean isValid(String cron, ConstraintValidatorContext context) {
            return cron == null || CronExpression.isValidExpression(cron);
        }
    }

    /**
     * An absolute {@code http(s)} URL with a host and neither credentials nor query in it. Its messages never show
     * the URL, which may hold a password.
     */
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = HttpUrlCheck.class)
    public @interface HttpUrl {
        String message() default "";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static final class HttpUrlCheck implements ConstraintValidator<HttpUrl, URI> {
        @Override
        public boolean isValid(URI uri, ConstraintValidatorContext context) {
            String problem = uri == null ? null : problem(uri);
            return problem == null || refuse(context, problem);
        }

        private static String problem(URI uri) {
            if (UrlConverter.MALFORMED.equals(uri.getScheme())) {
                return "is not a valid URL (" + uri.getSchemeSpecificPart() + ")";
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "must start with https:// or http://";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "has no host name";
            }
            if (uri.getRawUserInfo() != null) {
                return "must not hold credentials; set ogsm.api.username and ogsm.api.password instead";
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return "must not have a query or fragment";
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
            int api = path.indexOf("/api/v2");
            if (api >= 0) {
                // the client adds /api/v2/...; with it in the base URL every list would be .../api/v2/api/v2/...
                return "must not hold the API path: remove " + uri.getRawPath().substring(api)
                        + " (the connector adds /api/v2 itself)";
            }
            return null;
        }
    }

    /**
     * Reads a URL. SmallRye's message for a value that fails to convert quotes the value, and a URL may hold a
     * password; so a malformed one becomes a marker URI carrying only the parser's reason, which {@link HttpUrl}
     * refuses.
     */
    public static final class UrlConverter implements Converter<URI> {
        static final String MALFORMED = "malformed";

        @Override
        public URI convert(String value) {
            if (value.isBlank()) {
                return null;
            }
            try {
                return new URI(value.trim());
            } catch (URISyntaxException e) {
                try {
                    return new URI(MALFORMED, e.getReason(), null);
                } catch (URISyntaxException unexpected) {
                    throw new IllegalStateException(unexpected);
                }
            }
        }
    }

    /**
     * Reads a duration that says its unit ({@code 500ms}, {@code 10s}, {@code 5m}, or ISO-8601 {@code PT10S}). A bare
     * number is refused: Quarkus would read {@code 10} as seconds while a Camel option given the same text reads
     * milliseconds, so one value would mean two things.
     */
    public static final class DurationWithUnit implements Converter<Duration> {
        private static final DurationConverter DURATION = new DurationConverter();

        @Override
        public Duration convert(String value) {
            if (value.trim().matches("[-+]?[0-9]+([.,][0-9]+)?")) {
                throw new IllegalArgumentException("needs a unit, e.g. " + value.trim() + "s or " + value.trim()
                        + "ms: a bare number is refused");
            }
            return DURATION.convert(value.trim());
        }
    }

    private static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("}", "\\}")
                .replace("$", "\\$")).addConstraintViolation();
        return false;
    }
}
