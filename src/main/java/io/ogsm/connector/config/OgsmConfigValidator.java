package io.ogsm.connector.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the {@code ogsm.*} mapping when the configuration is read, before anything starts: each key's annotations
 * (Hibernate Validator) and then {@link ConfigCheck}'s rules across keys, all reported together, so a bad value stops
 * the start with Quarkus' plain "configuration validation failed" message (one line per key, no stack trace).
 * Registered through {@code META-INF/services/io.smallrye.config.SmallRyeConfigBuilderCustomizer}.
 */
public class OgsmConfigValidator implements BeanValidationConfigValidator, SmallRyeConfigBuilderCustomizer {

    /** Built once, on first use; no expression language, so messages are plain text with {@code %s}. */
    private static final class Holder {
        static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(this);
    }

    @Override
    public Validator getValidator() {
        return Holder.VALIDATOR;
    }

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mappingObject) {
        if (!(mappingObject instanceof OgsmConfig config)) {
            return;
        }
        List<ConfigValidationException.Problem> problems = new ArrayList<>();
        validateMappingInterface(ConfigMappingInterface.getConfigurationInterface(mappingClass), prefix,
                ConfigMapping.NamingStrategy.KEBAB_CASE, mappingObject, problems);
        ConfigCheck.problems(config).forEach(p -> problems.add(new ConfigValidationException.Problem(p)));
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems.toArray(ConfigValidationException.Problem[]::new));
        }
    }

    /** "key message", the message's {@code %s} replaced by the value at fault. */
    @Override
    public String interpolateMessage(String currentPath, ConfigMapping.NamingStrategy namingStrategy,
            ConfigMappingInterface.Property property, ConstraintViolation<?> violation) {
        Object value = violation.getInvalidValue();
        String shown = value instanceof MemorySize size ? String.valueOf(size.asLongValue()) : String.valueOf(value);
        String message = violation.getMessage().replace("%s", shown);
        String name = namingStrategy.apply(property.getPropertyName());
        String key = currentPath.isEmpty() ? name : currentPath + "." + name;
        return key + (message.startsWith(":") ? "" : " ") + message;
    }
}
