package org.teletherapy.notifications.delivery;

import reactor.core.publisher.Mono;

/**
 * Asked just before a message goes out whether it is still wanted: a reminder for a session cancelled or moved
 * meanwhile, or an escalation of an alert acknowledged meanwhile, is skipped. Declared here and implemented by the
 * feature that knows, so that delivery depends on none of them.
 */
public interface DeliveryCheck {

    boolean covers(Kind kind);

    Mono<Boolean> stillWanted(Delivery delivery);
}
