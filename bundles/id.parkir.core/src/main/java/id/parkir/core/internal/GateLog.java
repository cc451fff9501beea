package id.parkir.core.internal;

import id.parkir.api.Actor;
import id.parkir.store.jpa.ActivityEntity;
import javax.persistence.EntityManager;

/**
 * The activity log lines of the gates' own work (entries, payments, lost tickets), written in the
 * same transaction as the change they describe: an acknowledged entry or payment always has its
 * line, and a rolled-back one never does.
 */
final class GateLog {
    static final String VEHICLE_ENTERED = "VEHICLE_ENTERED";
    static final String PAYMENT = "PAYMENT";
    static final String PAYMENT_REFUSED = "PAYMENT_REFUSED";
    static final String LOST_TICKET = "LOST_TICKET";

    private GateLog() {
    }

    static void record(EntityManager em, Actor actor, String event, String detail) {
        em.persist(ActivityEntity.of(actor.username(), event, actor.origin() == null ? detail : detail + " (from " + actor.origin() + ")"));
    }
}
