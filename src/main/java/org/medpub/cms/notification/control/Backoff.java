package org.medpub.cms.notification.control;

import java.time.Duration;

/**
 * How long a notification waits after its n-th failed try: {@code min(2^n × base, max)}. An
 * unreachable mail server is asked less and less often, yet once it is back every waiting mail
 * goes out within {@code max}.
 */
public record Backoff(Duration base, Duration max) {

    // 2^30 times any sensible base is far beyond any sensible maximum; more doublings would only overflow
    private static final int ENOUGH_DOUBLINGS = 30;

    public Duration delayAfter(int failures) {
        Duration delay = base.multipliedBy(1L << Math.max(0, Math.min(failures, ENOUGH_DOUBLINGS)));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
