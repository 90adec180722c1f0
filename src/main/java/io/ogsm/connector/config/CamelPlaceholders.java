package io.ogsm.connector.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.camel.spi.CamelEvent;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Properties;

/**
 * Hands the routes' {@code {{ogsm.*}}} placeholders their values before the routes are built: the {@code ogsm.*} and
 * {@code ogsm-millis.*} settings, read once from the configuration, as the properties component's first answer.
 * <p>
 * The same values Camel would find through the configuration itself; read this way because Camel, for each value it
 * finds there, loads every property of the configuration again to note where the value came from (about a tenth of a
 * second of each start, for some twenty placeholders). Secrets are left out: no route needs one, and a placeholder
 * that names one is still answered by the configuration.
 */
@ApplicationScoped
public class CamelPlaceholders {

    void fill(@Observes CamelEvent.CamelContextInitializingEvent event) {
        event.getContext().getPropertiesComponent().setOverrideProperties(values(ConfigProvider.getConfig()));
    }

    static Properties values(Config config) {
        Properties values = new Properties();
        for (String name : config.getPropertyNames()) {
            boolean secret = name.endsWith("password") || name.endsWith("jaas-config");
            if (!secret && (name.startsWith("ogsm.") || name.startsWith(OgsmConfigValidator.MILLIS))) {
                config.getOptionalValue(name, String.class).ifPresent(value -> values.put(name, value));
            }
        }
        return values;
    }
}
