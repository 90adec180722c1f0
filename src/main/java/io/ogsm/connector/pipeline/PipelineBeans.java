package io.ogsm.connector.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The beans every stage shares: the clock and the one failure policy. */
@ApplicationScoped
public class PipelineBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    FailureClassifier classifier(Clock clock) {
        return new FailureClassifier(clock);
    }
}
