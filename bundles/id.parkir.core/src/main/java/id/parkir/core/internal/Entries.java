package id.parkir.core.internal;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.Plate;
import id.parkir.api.TicketNumber;
import id.parkir.api.VehicleType;
import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.PlateText;
import id.parkir.api.parking.EntryCommand;
import id.parkir.api.parking.EntryResult;
import id.parkir.store.jpa.ParkingSessionEntity;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.StoreConflict;
import id.parkir.store.jpa.VehicleInsideEntity;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;

/**
 * Vehicle entries. The photo is checked, read by ANPR and written to disk before the
 * transaction; the transaction inserts the stay, the vehicle into the lot (its plate is the key:
 * a plate already inside is refused by the database) and takes a slot (a conditional update of
 * the zone's counter), in that order, so that the busiest row is locked only for the commit.
 */
final class Entries {
    static final Pattern GATE = Pattern.compile("[A-Za-z0-9 _.-]{1,32}");
    private static final String PLATE_INSIDE_KEY = "PK_INSIDE";

    private final ParkirStore store;
    private final ImageStore images;
    private final PhotoPlates photoPlates;
    private final Zones zones;

    Entries(ParkirStore store, ImageStore images, PhotoPlates photoPlates, Zones zones) {
        this.store = store;
        this.images = images;
        this.photoPlates = photoPlates;
        this.zones = zones;
    }

    EntryResult record(Actor actor, EntryCommand command) {
        VehicleType type = VehicleType.parse(command.vehicleType());
        String gate = checkGate(command.gate());
        String requestedZone = Sessions.isBlank(command.zone()) ? null : command.zone().trim().toUpperCase(Locale.ROOT);
        if (requestedZone != null && !Zones.ZONE_CODE.matcher(requestedZone).matches()) {
            throw ParkirException.invalid("zone_unknown", "no zone '" + requestedZone + "' (zone codes are 1-16 letters or digits)");
        }
        String imageExt = command.image() == null ? null : images.check(command.image());
        PlateReading read = Sessions.isBlank(command.plate()) && command.image() != null ? photoPlates.read(command.image()) : null;
        Plate plate = read != null ? Plate.parse(read.text()) : Plate.parse(command.plate());
        List<String> candidates = requestedZone != null ? List.of(requestedZone) : zones.freeFirst(type);
        if (candidates.isEmpty()) {
            throw zones.full(null, type);
        }
        Instant now = Sessions.now();
        for (int attempt = 1; ; attempt++) {
            String ticket = TicketNumber.generate();
            String imagePath = imageExt == null ? null : images.store(command.image(), imageExt, ticket, "entry", now);
            try {
                String zone = store.write(em -> insert(em, actor, ticket, plate, type, gate, candidates, imagePath, now));
                return new EntryResult(ticket, plate.text(), type.code(), now, zone, gate, imagePath != null,
                        read == null ? null : new PlateText(read.text(), read.confidence()), read != null && read.autoAccept());
            } catch (NoFreeSlot full) {
                images.deleteQuietly(imagePath);
                if (requestedZone != null && !zones.exists(requestedZone)) {
                    throw ParkirException.invalid("zone_unknown", "no zone '" + requestedZone + "'");
                }
                throw zones.full(requestedZone, type);
            } catch (StoreConflict c) {
                images.deleteQuietly(imagePath);
                if (c.isUnique(PLATE_INSIDE_KEY)) {
                    refuseIfInside(plate);
                    throw ParkirException.conflict("plate_inside", "plate " + plate + " is already inside");
                }
                if (!c.isUnique(Sessions.TICKET_KEY) || attempt == 5) {
                    throw c;
                }
                // 45 random bits met an earlier ticket: draw another number
            } catch (RuntimeException e) {
                images.deleteQuietly(imagePath);
                throw e;
            }
        }
    }

    /**
     * One transaction: the stay, the vehicle in the lot, then a slot in the first candidate zone
     * that has one. Returns the zone; rolls back with {@link NoFreeSlot} when every candidate is full.
     */
    private static String insert(EntityManager em, Actor actor, String ticket, Plate plate,
                                 VehicleType type, String gate, List<String> candidates, String imagePath, Instant now) {
        ParkingSessionEntity s = new ParkingSessionEntity();
        s.setTicket(ticket);
        s.setPlate(plate.text());
        s.setVehicleType(type.code());
        s.setZone(candidates.get(0));
        s.setGate(gate);
        s.setStatus(Sessions.INSIDE);
        s.setEntryAt(now.toEpochMilli());
        s.setEntryBy(actor.username());
        s.setEntryShift(Shifts.lockOpenShift(em, actor.username()));
        s.setEntryImage(imagePath);
        em.persist(s);
        em.flush();
        VehicleInsideEntity v = new VehicleInsideEntity();
        v.setPlate(plate.text());
        v.setSessionId(s.getId());
        v.setZone(s.getZone());
        v.setVehicleType(type.code());
        v.setEntryAt(s.getEntryAt());
        em.persist(v);
        em.flush();
        for (String zone : candidates) {
            if (Zones.takeSlot(em, zone, type.code())) {
                if (!zone.equals(s.getZone())) {
                    s.setZone(zone);
                    v.setZone(zone);
                }
                GateLog.record(em, actor, GateLog.VEHICLE_ENTERED, "ticket " + ticket + ", plate " + plate.text() + ", "
                        + type.code() + ", gate " + gate + ", zone " + zone);
                return zone;
            }
        }
        throw new NoFreeSlot();
    }

    /** Every candidate zone was full when the transaction asked: nothing is written. */
    private static final class NoFreeSlot extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoFreeSlot() {
            super("no free slot", null, false, false);
        }
    }

    /** The refusal that names the ticket of the vehicle already inside, if there is one. */
    private void refuseIfInside(Plate plate) {
        ParkingSessionEntity inside = store.read(em -> Sessions.insideByPlate(em, plate.text()));
        if (inside != null) {
            throw ParkirException.conflict("plate_inside", "plate " + plate + " is already inside (ticket "
                    + inside.getTicket() + ", entered " + Instant.ofEpochMilli(inside.getEntryAt()) + ")");
        }
    }

    private static String checkGate(String gate) {
        if (gate == null || gate.isBlank()) {
            return null;
        }
        if (!GATE.matcher(gate.trim()).matches()) {
            throw ParkirException.invalid("gate_invalid", "gate must be 1-32 letters, digits, spaces, '.', '_' or '-'");
        }
        return gate.trim();
    }
}
