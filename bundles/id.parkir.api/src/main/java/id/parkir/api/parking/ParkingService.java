package id.parkir.api.parking;

import id.parkir.api.Actor;
import java.time.Instant;
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

    /**
     * One session by its ticket, with its payment if paid.
     *
     * @throws id.parkir.api.ParkirException 400 {@code ticket_invalid}/{@code ticket_check_failed},
     *                                       404 {@code ticket_unknown}
     */
    SessionDetail session(String ticket);

    /**
     * What the tariff rule in use would charge for a stay of this vehicle type from entry to exit
     * (overnights from the site's day boundary), as exits are priced; nothing is stored.
     *
     * @throws id.parkir.api.ParkirException 400 for a bad vehicle type, an exit before the entry or a
     *                                       stay over 366 days; 503 when no tariff rule is installed
     */
    TariffQuote quoteTariff(String vehicleType, Instant entryTime, Instant exitTime, boolean lostTicket);

    /**
     * The entry or exit photo of a session ({@code kind} is {@link SessionPhoto#ENTRY} or
     * {@link SessionPhoto#EXIT}; the exit photo is the one of the latest quote that carried one).
     *
     * @throws id.parkir.api.ParkirException 400 for a malformed ticket or kind, 404 {@code photo_not_found}
     *                                       for an unknown ticket or a session without that photo
     */
    SessionPhoto photo(String ticket, String kind);

    /** The site's name, address, time zone, day boundary and currency. */
    Site site();

    List<ZoneOccupancy> occupancy();

    List<ZoneView> zones();

    ZoneView saveZone(Actor actor, ZoneView zone);

    ShiftView openShift(Actor actor, long openingCash);

    ShiftReport closeShift(Actor actor, Long countedCash);

    Optional<ShiftView> currentShift(Actor actor);

    /** The running totals of the actor's open shift (as its report would be if closed now), if one is open. */
    Optional<ShiftReport> currentShiftReport(Actor actor);

    List<PluginInfo> paymentMethods();

    List<PluginInfo> tariffRules();
}
