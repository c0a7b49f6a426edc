package com.invoicedelivery.kit.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * Every service's {@link Clock} (its application's {@code Clock} bean, the outbox relay's, the service tokens'):
 * the system's UTC clock, shifted by {@code platform.clock.offset} ({@code PLATFORM_CLOCK_OFFSET}).
 *
 * <p>The offset is a <b>fault-injection setting</b>, 0 everywhere but in the fault suite's clock-skew scenario
 * (docs/RELIABILITY.md, scenario 12), which starts one instance with its clock minutes ahead to show that leases
 * and retry times stay right when the machines' clocks disagree. It is read once at start (no way to move a
 * running clock from outside), and a non-zero offset is logged as a warning at start.
 */
public final class PlatformClock {

    private static final Logger log = LoggerFactory.getLogger(PlatformClock.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /**
     * {@code platform.clock.*}.
     *
     * @param offset how far this process's clock is ahead of the machine's (negative: behind); 0 but in fault tests
     */
    public record Settings(@DefaultValue("0s") Duration offset) {

        public Settings {
            if (offset == null) {
                offset = Duration.ZERO;
            }
        }
    }

    private PlatformClock() {
    }

    /** The clock of the process this environment configures. */
    public static Clock of(Environment environment) {
        Settings settings = Binder.get(environment).bindOrCreate("platform.clock", Settings.class);
        return of(settings.offset());
    }

    static Clock of(Duration offset) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        if (WARNED.compareAndSet(false, true)) {
            log.warn("this process's clock is shifted by {} (platform.clock.offset, a fault-injection setting)",
                    offset);
        }
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
