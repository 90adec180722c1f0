package io.ogsm.connector.ops;

import io.ogsm.connector.ogsm.ApiTarget;
import io.ogsm.connector.pipeline.DeliveryLedger;
import io.ogsm.connector.sandbox.Sandbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

/**
 * In sandbox mode the delivery state follows the sandbox's workspace: when {@code POST /sandbox/_control/reset} puts
 * the workspace back to the demo one, what was delivered to it is forgotten too, so the same measurements can be
 * delivered again (at start both begin afresh: see {@code WorkspaceState}). Not for a real workspace, even when this
 * instance also serves the sandbox.
 */
@ApplicationScoped
class SandboxState {

    void forgetDeliveries(@Observes Sandbox.Reset reset, ApiTarget target,
            @Named("deliveryState") DeliveryLedger ledger) {
        if (target.sandbox()) {
            ledger.forgetAll();
        }
    }
}
