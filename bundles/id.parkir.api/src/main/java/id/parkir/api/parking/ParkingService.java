package id.parkir.api.parking;

import id.parkir.api.Actor;
import java.util.List;
import java.util.Optional;

/**
 * The gate and cash-desk operations. Every method either completes and is on disk when it
 * returns, or throws {@link id.parkir.api.ParkirException} and changes nothing.
 */
public interface ParkingService {
    EntryResult recordEntry(Actor actor, EntryCommand command);

    ExitQuote quoteExit(Actor actor, ExitCommand command);

    Receipt pay(Actor actor, PaymentCommand command);

    Page<SessionView> sessions(SessionQuery query);

    List<ZoneOccupancy> occupancy();

    List<ZoneView> zones();

    ZoneView saveZone(Actor actor, ZoneView zone);

    ShiftView openShift(Actor actor, long openingCash);

    ShiftReport closeShift(Actor actor, Long countedCash);

    Optional<ShiftView> currentShift(Actor actor);

    List<PluginInfo> paymentMethods();

    List<PluginInfo> tariffRules();
}
