package id.parkir.core.internal;

import id.parkir.api.Actor;
import id.parkir.api.Fee;
import id.parkir.api.ImageMatcher;
import id.parkir.api.ParkirException;
import id.parkir.api.Plate;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.TicketNumber;
import id.parkir.api.anpr.PlateMatching;
import id.parkir.api.anpr.PlateText;
import id.parkir.api.parking.ExitCommand;
import id.parkir.api.parking.ExitQuote;
import id.parkir.store.jpa.ParkingSessionEntity;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.StoreConflict;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exit quotes: the fee for a stay so far, with the plate check and the photo comparison. ANPR,
 * the tariff and the image matcher all run outside the short transaction that records the quote,
 * so a slow photo comparison delays only its own gate.
 */
final class Exits {
    private static final Logger LOG = LoggerFactory.getLogger(Exits.class);

    private final ParkirStore store;
    private final ImageStore images;
    private final PhotoPlates photoPlates;
    private final DayBoundary boundary;
    private final Supplier<TariffRule> tariffRule;
    private final Supplier<ImageMatcher> imageMatcher;

    Exits(ParkirStore store, ImageStore images, PhotoPlates photoPlates, DayBoundary boundary,
          Supplier<TariffRule> tariffRule, Supplier<ImageMatcher> imageMatcher) {
        this.store = store;
        this.images = images;
        this.photoPlates = photoPlates;
        this.boundary = boundary;
        this.tariffRule = tariffRule;
        this.imageMatcher = imageMatcher;
    }

    ExitQuote quote(Actor actor, ExitCommand command) {
        String imageExt = command.image() == null ? null : images.check(command.image());
        // a lost ticket is found by the plate, so it must be read; with a ticket the plate is a check only
        PlateText read = !Sessions.isBlank(command.plate()) || command.image() == null || !photoPlates.available() ? null
                : (command.lostTicket() ? java.util.Optional.of(photoPlates.read(command.image())) : photoPlates.readIfAny(command.image()))
                        .map(r -> new PlateText(r.text(), r.confidence())).orElse(null);
        Plate exitPlate = read != null ? Plate.parse(read.text())
                : Sessions.isBlank(command.plate()) ? null : Plate.parse(command.plate());
        String ticket = command.lostTicket() ? null : TicketNumber.parse(command.ticket());
        if (command.lostTicket() && exitPlate == null) {
            throw ParkirException.invalid("plate_missing", "a lost-ticket exit needs the plate");
        }
        TariffRule rule = tariffRule.get();
        Instant now = Sessions.now();
        ParkingSessionEntity found = store.read(em -> ticket != null ? Sessions.byTicket(em, ticket)
                : Sessions.insideByPlate(em, exitPlate.text()));
        if (found == null) {
            throw ticket != null
                    ? ParkirException.notFound("ticket_unknown", "no parking session with ticket " + ticket)
                    : ParkirException.notFound("plate_not_inside", "no vehicle with plate " + exitPlate + " is inside");
        }
        Sessions.requireUnpaid(found);
        Stay stay = Sessions.stay(found, now, command.lostTicket(), boundary);
        Fee fee = rule.quote(stay);
        String imagePath = imageExt == null ? null : images.store(command.image(), imageExt, found.getTicket(), "exit", now);
        String replacedImage;
        try {
            replacedImage = record(actor, found.getId(), now, command.lostTicket(), fee.total(), imagePath);
        } catch (RuntimeException e) {
            images.deleteQuietly(imagePath);
            throw e;
        }
        if (imagePath != null) {
            images.deleteQuietly(replacedImage);
        }
        Boolean plateMatches = command.lostTicket() ? Boolean.TRUE
                : exitPlate == null ? null : PlateMatching.equivalent(exitPlate.text(), found.getPlate());
        return new ExitQuote(found.getTicket(), found.getPlate(), found.getVehicleType(), stay.entryTime(), now,
                stay.durationMinutes(), fee, plateMatches, matchScore(found.getEntryImage(), imagePath),
                command.lostTicket(), stay.overnights(), read);
    }

    /**
     * Records the quote on the stay (its version checked); another quote of the same ticket at
     * the same moment makes this one re-read and try again. Returns the exit photo it replaced.
     */
    private String record(Actor actor, long sessionId, Instant now, boolean lostTicket, long total, String imagePath) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.write(em -> {
                    ParkingSessionEntity s = em.find(ParkingSessionEntity.class, sessionId);
                    Sessions.requireUnpaid(s);
                    String replaced = s.getExitImage();
                    if (lostTicket && !s.isLostTicket()) {
                        GateLog.record(em, actor, GateLog.LOST_TICKET, "ticket " + s.getTicket() + ", plate " + s.getPlate()
                                + ", fee with fine " + total);
                    }
                    s.setQuotedAt(now.toEpochMilli());
                    s.setLostTicket(lostTicket);
                    s.setTotal(total);
                    if (imagePath != null) {
                        s.setExitImage(imagePath);
                    }
                    return replaced;
                });
            } catch (StoreConflict c) {
                if (c.kind() != StoreConflict.Kind.STALE || attempt == 3) {
                    throw ParkirException.conflict("ticket_busy", "the ticket is being handled at another gate: try again");
                }
            }
        }
    }

    private Double matchScore(String entryImage, String exitImage) {
        ImageMatcher matcher = imageMatcher.get();
        if (matcher == null || entryImage == null || exitImage == null) {
            return null;
        }
        byte[] a = images.load(entryImage);
        byte[] b = images.load(exitImage);
        if (a == null || b == null) {
            return null;
        }
        try {
            return Math.max(0, Math.min(1, matcher.score(a, b)));
        } catch (RuntimeException e) {
            LOG.warn("Image matcher failed on {} / {}: {}", entryImage, exitImage, e.toString());
            return null;
        }
    }
}
