package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.VehicleType;
import id.parkir.api.parking.SessionView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "The charge so far" of vehicles inside: the tariff rule in use prices each stay as if it ended
 * now, without a lost-ticket fine. It runs after the list's read, outside any transaction (the rule
 * is a plugin); a missing or failing rule leaves the fee null rather than failing the list.
 */
final class FeesSoFar {
    private static final Logger LOG = LoggerFactory.getLogger(FeesSoFar.class);

    private final Supplier<TariffRule> tariffRule;

    FeesSoFar(Supplier<TariffRule> tariffRule) {
        this.tariffRule = tariffRule;
    }

    List<SessionView> add(List<SessionView> views, Instant now) {
        TariffRule rule;
        try {
            rule = tariffRule.get();
        } catch (ParkirException unavailable) {
            return views; // no rule installed: the list is still worth showing
        }
        List<SessionView> priced = new ArrayList<>(views.size());
        RuntimeException failure = null;
        for (SessionView v : views) {
            Long fee = null;
            try {
                fee = rule.quote(new Stay(VehicleType.parse(v.vehicleType()), v.zone(), v.entryTime(), now, false,
                        v.overnights())).total();
            } catch (RuntimeException e) {
                failure = e;
            }
            priced.add(new SessionView(v.ticket(), v.plate(), v.vehicleType(), v.zone(), v.gate(), v.status(),
                    v.entryTime(), v.exitTime(), v.total(), v.lostTicket(), v.overnights(), v.receiptNo(), fee));
        }
        if (failure != null) {
            LOG.warn("The tariff rule could not price every stay inside (fee so far left empty): {}", failure.toString());
        }
        return priced;
    }
}
