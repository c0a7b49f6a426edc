package com.invoicedelivery.mail.smtp.application;

import java.util.Collection;
import java.util.Optional;

/**
 * The right to hold a connection open to a tenant's own SMTP server, shared by every replica of the service: a
 * tenant's server takes at most a few connections from the whole platform, however many replicas send. A slot is
 * held for as long as its connection is open (in use or kept idle for the next message) and given back when the
 * connection closes. A replica that dies without giving its slots back loses them when their lease runs out.
 */
public interface ConnectionSlots {

    /**
     * Takes one of the server's slots, or nothing when all are held (by this replica or others).
     *
     * @param server the server's reference ({@code tenant:<tenantId>})
     * @throws RuntimeException when the store cannot be asked: the caller opens no connection
     */
    Optional<ConnectionSlot> tryAcquire(String server);

    /**
     * Gives back these slots at once, when the replica stops; never throws: what is not given back expires by itself.
     * Slots kept elsewhere than in this process are best given back in one write, so that a store out of reach costs
     * the stop one wait rather than one per slot.
     */
    default void releaseAll(Collection<ConnectionSlot> held) {
        held.forEach(ConnectionSlot::release);
    }

    /** One held slot. */
    interface ConnectionSlot {

        /**
         * Extends the lease while the connection is open.
         *
         * @return false when the slot is no longer held (its lease ran out and another connection took it, or the
         *         store could not be reached for longer than the lease): the connection must be closed
         */
        boolean renew();

        /** True while the lease last granted has not run out: a connection may be used only then. */
        boolean held();

        /** Gives the slot back (the connection is closed); never throws: an unreleased slot expires by itself. */
        void release();
    }

    /** Every server unlimited (the platform's own server, and tests that are not about limits). */
    ConnectionSlots UNLIMITED = server -> Optional.of(new ConnectionSlot() {
        @Override
        public boolean renew() {
            return true;
        }

        @Override
        public boolean held() {
            return true;
        }

        @Override
        public void release() {
        }
    });
}
