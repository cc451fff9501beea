package id.parkir.core.internal;

import id.parkir.api.Text;
import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.VehicleType;
import id.parkir.api.parking.ZoneOccupancy;
import id.parkir.api.parking.ZoneView;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.Statements;
import id.parkir.store.jpa.StoreConflict;
import id.parkir.store.jpa.ZoneEntity;
import id.parkir.store.jpa.ZoneSlotsEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zones and their slots per vehicle type. A slot is taken and given back by one conditional
 * update of its counter row, so the database, not this JVM, keeps a zone from over-filling; the
 * occupancy is read from those rows and costs the same whatever the history.
 */
final class Zones {
    private static final Logger LOG = LoggerFactory.getLogger(Zones.class);
    static final Pattern ZONE_CODE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final int MAX_SLOTS = 100_000;

    private final ParkirStore store;

    Zones(ParkirStore store) {
        this.store = store;
    }

    // ---- slots, inside a gate's transaction --------------------------------------------------

    /** Takes a slot of this type in this zone; false when it is full. Locks the zone's counter row until commit. */
    static boolean takeSlot(EntityManager em, String zone, String vehicleType) {
        return Statements.update(em, "UPDATE PARKIR_ZONE_SLOTS SET INSIDE = INSIDE + 1"
                + " WHERE ZONE_CODE = ? AND VEHICLE_TYPE = ? AND INSIDE < CAPACITY", zone, vehicleType) == 1;
    }

    static void giveBackSlot(EntityManager em, String zone, String vehicleType) {
        Statements.update(em, "UPDATE PARKIR_ZONE_SLOTS SET INSIDE = INSIDE - 1"
                + " WHERE ZONE_CODE = ? AND VEHICLE_TYPE = ? AND INSIDE > 0", zone, vehicleType);
    }

    // ---- occupancy ------------------------------------------------------------------------

    List<ZoneOccupancy> occupancy() {
        return store.read(Zones::occupancy);
    }

    static List<ZoneOccupancy> occupancy(EntityManager em) {
        Map<String, ZoneSlotsEntity> slots = slots(em);
        List<ZoneOccupancy> result = new ArrayList<>();
        for (ZoneEntity z : zoneEntities(em)) {
            List<ZoneOccupancy.TypeOccupancy> types = new ArrayList<>();
            for (VehicleType t : VehicleType.values()) {
                ZoneSlotsEntity s = slots.get(z.getCode() + "/" + t.code());
                int capacity = s == null ? 0 : s.getCapacity();
                long inside = s == null ? 0 : s.getInside();
                types.add(new ZoneOccupancy.TypeOccupancy(t.code(), capacity, inside, Math.max(0, capacity - inside)));
            }
            result.add(new ZoneOccupancy(z.getCode(), z.getName(), types));
        }
        return result;
    }

    /**
     * Every zone, in order, those with a free slot for this type first: read without locks, so
     * only a hint of where to try first; the slot's conditional update decides.
     */
    List<String> freeFirst(VehicleType type) {
        return store.read(em -> em.createNativeQuery("SELECT S.ZONE_CODE FROM PARKIR_ZONE_SLOTS S JOIN PARKIR_ZONE Z"
                + " ON Z.CODE = S.ZONE_CODE WHERE S.VEHICLE_TYPE = ? ORDER BY CASE WHEN S.INSIDE < S.CAPACITY THEN 0 ELSE 1 END,"
                + " Z.SORT_ORDER, Z.CODE").setParameter(1, type.code()).getResultList().stream().map(String::valueOf).toList());
    }

    boolean exists(String code) {
        return store.read(em -> em.find(ZoneEntity.class, code) != null);
    }

    /** The refusal for a full zone (or all zones), with the occupancy as it is now. */
    ParkirException full(String requested, VehicleType type) {
        List<ZoneOccupancy> occupancy = occupancy();
        if (requested != null) {
            ZoneOccupancy z = occupancy.stream().filter(o -> o.zone().equals(requested)).findFirst().orElseThrow();
            return ParkirException.conflict("zone_full", "zone " + requested + " is full for " + type.code() + ": "
                    + describe(z, type));
        }
        return ParkirException.conflict("zone_full", "no free slot for " + type.code() + ": "
                + occupancy.stream().map(z -> z.zone() + " " + describe(z, type)).collect(Collectors.joining(", ")));
    }

    private static long free(ZoneOccupancy z, VehicleType type) {
        return z.vehicleTypes().stream().filter(t -> t.vehicleType().equals(type.code()))
                .mapToLong(ZoneOccupancy.TypeOccupancy::free).sum();
    }

    private static String describe(ZoneOccupancy z, VehicleType type) {
        return z.vehicleTypes().stream().filter(t -> t.vehicleType().equals(type.code()))
                .map(t -> t.inside() + "/" + t.capacity() + " occupied").findFirst().orElse("no slots");
    }

    // ---- zones ------------------------------------------------------------------------------

    List<ZoneView> zones() {
        return store.read(em -> {
            Map<String, ZoneSlotsEntity> slots = slots(em);
            return zoneEntities(em).stream().map(z -> view(z, slots)).toList();
        });
    }

    ZoneView save(Actor actor, ZoneView zone) {
        if (!actor.isAdmin()) {
            throw ParkirException.forbidden("admin_required", "only admins may change zones");
        }
        String code = zone.code() == null ? "" : zone.code().trim().toUpperCase(Locale.ROOT);
        if (!ZONE_CODE.matcher(code).matches()) {
            throw ParkirException.invalid("zone_code_invalid", "zone code must be 1-16 letters or digits");
        }
        String name = Text.optional("zone name", zone.name(), 64);
        Map<VehicleType, Integer> capacities = new LinkedHashMap<>();
        if (zone.capacity() != null) {
            zone.capacity().forEach((type, slots) -> {
                if (slots == null || slots < 0 || slots > MAX_SLOTS) {
                    throw ParkirException.invalid("capacity_invalid", "capacity for " + type + " must be 0.." + MAX_SLOTS);
                }
                capacities.put(VehicleType.parse(type), slots);
            });
        }
        try {
            return store.write(em -> {
                ZoneEntity z = em.find(ZoneEntity.class, code);
                if (z == null) {
                    z = newZone(em, code, name == null || name.isEmpty() ? code : name, nextSortOrder(em));
                } else if (name != null && !name.isEmpty()) {
                    z.setName(name);
                }
                em.flush();
                for (Map.Entry<VehicleType, Integer> c : capacities.entrySet()) {
                    Statements.update(em, "UPDATE PARKIR_ZONE_SLOTS SET CAPACITY = ? WHERE ZONE_CODE = ? AND VEHICLE_TYPE = ?",
                            c.getValue(), code, c.getKey().code());
                }
                em.flush();
                em.clear();
                return view(em.find(ZoneEntity.class, code), slots(em));
            });
        } catch (StoreConflict c) {
            throw ParkirException.conflict("zone_changed", "zone " + code + " was created at the same moment elsewhere: try again");
        }
    }

    /** A zone with a slots row (capacity 0) for every vehicle type. */
    private static ZoneEntity newZone(EntityManager em, String code, String name, int sortOrder) {
        ZoneEntity z = new ZoneEntity();
        z.setCode(code);
        z.setName(name);
        z.setSortOrder(sortOrder);
        em.persist(z);
        em.flush();
        for (VehicleType t : VehicleType.values()) {
            ZoneSlotsEntity s = new ZoneSlotsEntity();
            s.setZone(code);
            s.setVehicleType(t.code());
            em.persist(s);
        }
        em.flush();
        return z;
    }

    private static int nextSortOrder(EntityManager em) {
        Number max = em.createQuery("SELECT MAX(z.sortOrder) FROM ZoneEntity z", Number.class).getSingleResult();
        return max == null ? 0 : max.intValue() + 1;
    }

    /** Zones from {@code CODE|Name|type=slots,...;...}, created when the database has none. */
    void createInitialZones(String spec) {
        record Initial(String code, String name, Map<VehicleType, Integer> capacity) {
        }
        List<Initial> zones = new ArrayList<>();
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] f = part.trim().split("\\|");
            if (f.length != 3) {
                throw new IllegalArgumentException("initialZones entry '" + part + "' is not CODE|Name|type=slots,...");
            }
            Map<VehicleType, Integer> capacity = new LinkedHashMap<>();
            for (String cap : f[2].split(",")) {
                String[] kv = cap.split("=");
                capacity.put(VehicleType.parse(kv[0]), Integer.parseInt(kv[1].trim()));
            }
            zones.add(new Initial(f[0].trim().toUpperCase(Locale.ROOT), f[1].trim(), capacity));
        }
        try {
            store.write(em -> {
                if (!zoneEntities(em).isEmpty()) {
                    return null;
                }
                for (Initial i : zones) {
                    newZone(em, i.code(), i.name(), zones.indexOf(i));
                    i.capacity().forEach((type, slots) -> em.find(ZoneSlotsEntity.class,
                            new ZoneSlotsEntity.Key(i.code(), type.code())).setCapacity(slots));
                }
                LOG.info("Created initial zones {}", zones.stream().map(Initial::code).toList());
                return null;
            });
        } catch (StoreConflict c) {
            LOG.info("Initial zones were created by another server at the same moment");
        }
    }

    private static List<ZoneEntity> zoneEntities(EntityManager em) {
        return em.createQuery("SELECT z FROM ZoneEntity z ORDER BY z.sortOrder, z.code", ZoneEntity.class).getResultList();
    }

    private static Map<String, ZoneSlotsEntity> slots(EntityManager em) {
        Map<String, ZoneSlotsEntity> slots = new LinkedHashMap<>();
        for (ZoneSlotsEntity s : em.createQuery("SELECT s FROM ZoneSlotsEntity s", ZoneSlotsEntity.class).getResultList()) {
            slots.put(s.getZone() + "/" + s.getVehicleType(), s);
        }
        return slots;
    }

    private static ZoneView view(ZoneEntity z, Map<String, ZoneSlotsEntity> slots) {
        Map<String, Integer> caps = new LinkedHashMap<>();
        for (VehicleType t : VehicleType.values()) {
            ZoneSlotsEntity s = slots.get(z.getCode() + "/" + t.code());
            caps.put(t.code(), s == null ? 0 : s.getCapacity());
        }
        return new ZoneView(z.getCode(), z.getName(), caps);
    }
}
