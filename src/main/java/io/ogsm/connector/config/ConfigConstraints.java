package io.ogsm.connector.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import org.eclipse.microprofile.config.spi.Converter;
import org.quartz.CronExpression;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules of single {@code ogsm.*} keys, as annotations on {@link OgsmConfig}'s methods (or on the type inside an
 * {@code Optional}), and {@link #problems} that reads them. A {@code %s} in a message is the value at fault.
 * <p>
 * Written here rather than with Hibernate Validator: bootstrapping a validator at every start cost about a third of a
 * second on the 2-core machines the start-up target is measured on, for nine plain rules over some sixty keys.
 */
public final class ConfigConstraints {

    public static final String POSITIVE = "must be a positive duration such as 30s, was %s";
    public static final String NOT_NEGATIVE = "must not be negative, was %s";
    public static final String SHARE = "must be between 0 and 1, was %s";

    private ConfigConstraints() {
    }

    /** A duration of at least {@code nanos} nanoseconds. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface DurationMin {
        long nanos();

        String message();
    }

    /** A whole number of at least {@code value}. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Min {
        long value();

        String message();
    }

    /** A fraction from 0 to 1. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Share {
    }

    /** A size between {@code min} and {@code max}, written as in the properties ({@code 1K}, {@code 64M}). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface SizeRange {
        String min();

        String max() default "";

        String message();
    }

    /** Date patterns such as {@code yyyy-MM-dd}; the message names the first that is none. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface DatePatterns {
    }

    /** A Quartz cron expression such as {@code 0 0/15 * * * ?}. */
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface QuartzCron {
    }

    /**
     * An absolute {@code http(s)} URL with a host and neither credentials nor query in it. Its messages never show
     * the URL, which may hold a password.
     */
    @Target(ElementType.TYPE_USE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface HttpUrl {
    }

    /**
     * Every rule broken in a mapping object, by key: "key (VARIABLE) message", sorted by key. Groups (nested
     * interfaces) are followed; an empty {@code Optional} breaks no rule.
     */
    public static List<String> problems(Class<?> mapping, String prefix, Object object) {
        Map<String, String> problems = new TreeMap<>();
        collect(mapping, prefix, object, problems);
        return List.copyOf(problems.values());
    }

    private static void collect(Class<?> mapping, String prefix, Object object, Map<String, String> problems) {
        Method[] methods = mapping.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String key = prefix + "." + ConfigMapping.NamingStrategy.KEBAB_CASE.apply(method.getName());
            Object value = value(method, object);
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() != null
                    && type.getEnclosingClass().isAnnotationPresent(ConfigMapping.class)) {
                collect(type, key, value, problems);
                continue;
            }
            Annotation[] rules = method.getAnnotations();
            if (value instanceof Optional<?> optional) {
                if (optional.isEmpty()) {
                    continue;
                }
                value = optional.get();
                rules = insideOptional(method.getAnnotatedReturnType());
            }
            for (Annotation rule : rules) {
                String problem = problem(rule, value);
                if (problem != null) {
                    String shown = value instanceof MemorySize size ? String.valueOf(size.asLongValue())
                            : String.valueOf(value);
                    String message = problem.replace("%s", shown);
                    problems.putIfAbsent(key, key + " (" + OgsmConfigValidator.variable(key) + ")"
                            + (message.startsWith(":") ? "" : " ") + message);
                }
            }
        }
    }

    private static Object value(Method method, Object object) {
        try {
            return method.invoke(object);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + method.getName() + " of the configuration", e);
        }
    }

    private static Annotation[] insideOptional(AnnotatedType type) {
        return type instanceof AnnotatedParameterizedType parameterized
                ? parameterized.getAnnotatedActualTypeArguments()[0].getAnnotations() : new Annotation[0];
    }

    /** The message of a broken rule (with {@code %s} for the value), or null. */
    static String problem(Annotation rule, Object value) {
        if (rule instanceof DurationMin min && value instanceof Duration duration) {
            return duration.toNanos() < min.nanos() ? min.message() : null;
        }
        if (rule instanceof Min min && value instanceof Number number) {
            return number.longValue() < min.value() ? min.message() : null;
        }
        if (rule instanceof Share && value instanceof Number number) {
            double share = number.doubleValue();
            return share >= 0.0 && share <= 1.0 ? null : SHARE;
        }
        if (rule instanceof SizeRange range && value instanceof MemorySize size) {
            long max = range.max().isEmpty() ? Long.MAX_VALUE : bytes(range.max());
            return size.asLongValue() < bytes(range.min()) || size.asLongValue() > max ? range.message() : null;
        }
        if (rule instanceof DatePatterns && value instanceof List<?> patterns) {
            return datePatternsProblem(patterns);
        }
        if (rule instanceof QuartzCron && value instanceof String cron) {
            return CronExpression.isValidExpression(cron) ? null
                    : "'%s' is not a Quartz cron expression such as 0 0/15 * * * ?";
        }
        if (rule instanceof HttpUrl && value instanceof URI uri) {
            return urlProblem(uri);
        }
        return null;
    }

    private static long bytes(String size) {
        return new MemorySizeConverter().convert(size).asLongValue();
    }

    private static String datePatternsProblem(List<?> patterns) {
        for (Object pattern : patterns) {
            try {
                DateTimeFormatter.ofPattern(String.valueOf(pattern));
            } catch (IllegalArgumentException e) {
                return ": '" + pattern + "' is not a date pattern such as yyyy-MM-dd";
            }
        }
        return null;
    }

    /** What is wrong with a base URL, never quoting it (it may hold a password); null when nothing is. */
    private static String urlProblem(URI uri) {
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
}
