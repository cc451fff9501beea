package id.parkir.core.internal;

import id.parkir.api.Actor;
import id.parkir.api.Fee;
import id.parkir.api.FeeLine;
import id.parkir.api.ImageMatcher;
import id.parkir.api.ParkirData;
import id.parkir.api.ParkirException;
import id.parkir.api.PaymentMethod;
import id.parkir.api.Plate;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.TicketNumber;
import id.parkir.api.VehicleType;
import id.parkir.api.anpr.PlateMatching;
import id.parkir.api.anpr.PlateReading;
import id.parkir.api.anpr.PlateRecognizer;
import id.parkir.api.anpr.PlateText;
import id.parkir.api.anpr.Recognition;
import id.parkir.api.parking.EntryCommand;
import id.parkir.api.parking.EntryResult;
import id.parkir.api.parking.ExitCommand;
import id.parkir.api.parking.ExitQuote;
import id.parkir.api.parking.Page;
import id.parkir.api.parking.ParkingService;
import id.parkir.api.parking.PaymentCommand;
import id.parkir.api.parking.PluginInfo;
import id.parkir.api.parking.Receipt;
import id.parkir.api.parking.SessionQuery;
import id.parkir.api.parking.SessionView;
import id.parkir.api.parking.ShiftReport;
import id.parkir.api.parking.ShiftView;
import id.parkir.api.parking.ZoneOccupancy;
import id.parkir.api.parking.ZoneView;
import id.parkir.store.jpa.ParkingSessionEntity;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.PaymentEntity;
import id.parkir.store.jpa.ShiftEntity;
import id.parkir.store.jpa.ZoneEntity;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries, exits, payments, shifts and occupancy. Tariff rules, payment methods and the image
 * matcher are dynamic references, so their bundles can be stopped, replaced and started while the
 * core keeps running. State changes are serialised on one lock (a car park's write rate is a few
 * per second) so "plate already inside", "zone full" and "already paid" checks cannot race.
 */
@Component(service = ParkingService.class, configurationPid = "id.parkir.core")
@Designate(ocd = CoreConfig.class)
public class ParkingServiceImpl implements ParkingService {
    static final String INSIDE = "INSIDE";
    static final String PAID = "PAID";
    private static final Logger LOG = LoggerFactory.getLogger(ParkingServiceImpl.class);
    private static final Pattern GATE = Pattern.compile("[A-Za-z0-9 _.-]{1,32}");
    private static final Pattern ZONE_CODE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,64}");
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final ParkirStore store;
    private final CoreConfig config;
    private final DayBoundary boundary;
    private final ImageStore images;
    private final Object writeLock = new Object();
    private final PluginRegistry<TariffRule> tariffRules = new PluginRegistry<>();
    private final PluginRegistry<PaymentMethod> paymentMethods = new PluginRegistry<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ImageMatcher imageMatcher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlateRecognizer plateRecognizer;

    @Activate
    public ParkingServiceImpl(@Reference ParkirStore store, CoreConfig config) {
        this.store = store;
        this.config = config;
        this.boundary = new DayBoundary(config.timeZone(), config.dayBoundary());
        this.images = new ImageStore(imageDir(config), config.maxImageBytes(), boundary.zone());
        createInitialZones(config.initialZones());
    }

    private static Path imageDir(CoreConfig config) {
        if (!config.imageDir().isBlank()) {
            return Paths.get(config.imageDir());
        }
        return ParkirData.folder().resolve("images");
    }

    // ---- plugins -------------------------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTariffRule(TariffRule rule, Map<String, Object> properties) {
        tariffRules.add(rule, properties);
    }

    void unbindTariffRule(TariffRule rule) {
        tariffRules.remove(rule);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindPaymentMethod(PaymentMethod method, Map<String, Object> properties) {
        paymentMethods.add(method, properties);
    }

    void unbindPaymentMethod(PaymentMethod method) {
        paymentMethods.remove(method);
    }

    @Override
    public List<PluginInfo> paymentMethods() {
        return paymentMethods.all().stream().map(p -> new PluginInfo(p.id(), p.name(), true, null)).toList();
    }

    @Override
    public List<PluginInfo> tariffRules() {
        return tariffRules.all().stream().map(p -> new PluginInfo(p.id(), p.name(),
                p.id().equals(config.tariffRule()), p.service().describe())).toList();
    }

    private TariffRule tariffRule() {
        return tariffRules.get(config.tariffRule()).map(PluginRegistry.Plugin::service)
                .orElseThrow(() -> ParkirException.unavailable("tariff_rule_unavailable",
                        "tariff rule '" + config.tariffRule() + "' is not installed or not started"));
    }

    // ---- entry ---------------------------------------------------------------------------

    @Override
    public EntryResult recordEntry(Actor actor, EntryCommand command) {
        VehicleType type = VehicleType.parse(command.vehicleType());
        String gate = checkGate(command.gate());
        String requestedZone = command.zone() == null || command.zone().isBlank() ? null
                : command.zone().trim().toUpperCase(Locale.ROOT);
        String imageExt = command.image() == null ? null : images.check(command.image());
        PlateText read = isBlank(command.plate()) && command.image() != null ? readPlate(command.image()) : null;
        Plate plate = read != null ? Plate.parse(read.text()) : Plate.parse(command.plate());
        Instant now = now();
        synchronized (writeLock) {
            String ticket = newTicket();
            String imagePath = imageExt == null ? null : images.store(command.image(), imageExt, ticket, "entry", now);
            try {
                return store.write(em -> {
                    ParkingSessionEntity inside = insideByPlate(em, plate.text());
                    if (inside != null) {
                        throw ParkirException.conflict("plate_inside", "plate " + plate + " is already inside (ticket "
                                + inside.getTicket() + ", entered " + Instant.ofEpochMilli(inside.getEntryAt()) + ")");
                    }
                    String zone = chooseZone(em, requestedZone, type);
                    ParkingSessionEntity s = new ParkingSessionEntity();
                    s.setTicket(ticket);
                    s.setPlate(plate.text());
                    s.setVehicleType(type.code());
                    s.setZone(zone);
                    s.setGate(gate);
                    s.setStatus(INSIDE);
                    s.setEntryAt(now.toEpochMilli());
                    s.setEntryBy(actor.username());
                    s.setEntryShift(openShiftId(em, actor.username()));
                    s.setEntryImage(imagePath);
                    em.persist(s);
                    return new EntryResult(ticket, plate.text(), type.code(), now, zone, gate, imagePath != null, read);
                });
            } catch (RuntimeException e) {
                images.deleteQuietly(imagePath);
                throw e;
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The plate ANPR reads in a gate photo, for the operator to confirm. A user error when no
     * recogniser is installed or nothing readable is in the photo: the operator types the plate.
     */
    private PlateText readPlate(byte[] image) {
        PlateRecognizer recognizer = plateRecognizer;
        if (recognizer == null) {
            throw ParkirException.invalid("plate_missing", "plate is required (no plate recogniser is installed)");
        }
        Recognition r = recognizer.recognize(image);
        PlateReading best = r.plates().stream().filter(p -> Plate.isValid(p.text())).findFirst()
                .orElseThrow(() -> ParkirException.invalid("plate_unreadable",
                        "no plate could be read from the photo: type the plate"));
        return new PlateText(best.text(), best.confidence());
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

    private String newTicket() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String ticket = TicketNumber.generate();
            boolean taken = store.read(em -> !em.createQuery(
                    "SELECT s.id FROM ParkingSessionEntity s WHERE s.ticket = :t").setParameter("t", ticket)
                    .getResultList().isEmpty());
            if (!taken) {
                return ticket;
            }
        }
        throw new IllegalStateException("no free ticket number after 10 attempts");
    }

    private String chooseZone(EntityManager em, String requested, VehicleType type) {
        List<ZoneOccupancy> occupancy = occupancy(em);
        if (requested != null) {
            ZoneOccupancy z = occupancy.stream().filter(o -> o.zone().equals(requested)).findFirst()
                    .orElseThrow(() -> ParkirException.invalid("zone_unknown", "no zone '" + requested + "'"));
            if (free(z, type) <= 0) {
                throw ParkirException.conflict("zone_full", "zone " + requested + " is full for " + type.code() + ": "
                        + describe(z, type));
            }
            return z.zone();
        }
        return occupancy.stream().filter(z -> free(z, type) > 0).map(ZoneOccupancy::zone).findFirst()
                .orElseThrow(() -> ParkirException.conflict("zone_full", "no free slot for " + type.code() + ": "
                        + occupancy.stream().map(z -> z.zone() + " " + describe(z, type)).collect(Collectors.joining(", "))));
    }

    private static long free(ZoneOccupancy z, VehicleType type) {
        return z.vehicleTypes().stream().filter(t -> t.vehicleType().equals(type.code()))
                .mapToLong(ZoneOccupancy.TypeOccupancy::free).sum();
    }

    private static String describe(ZoneOccupancy z, VehicleType type) {
        return z.vehicleTypes().stream().filter(t -> t.vehicleType().equals(type.code()))
                .map(t -> t.inside() + "/" + t.capacity() + " occupied").findFirst().orElse("no slots");
    }

    // ---- exit ----------------------------------------------------------------------------

    @Override
    public ExitQuote quoteExit(Actor actor, ExitCommand command) {
        String imageExt = command.image() == null ? null : images.check(command.image());
        PlateText read = isBlank(command.plate()) && command.image() != null && plateRecognizer != null
                ? readPlate(command.image()) : null;
        Plate exitPlate = read != null ? Plate.parse(read.text())
                : isBlank(command.plate()) ? null : Plate.parse(command.plate());
        String ticket = command.lostTicket() ? null : TicketNumber.parse(command.ticket());
        if (command.lostTicket() && exitPlate == null) {
            throw ParkirException.invalid("plate_missing", "a lost-ticket exit needs the plate");
        }
        TariffRule rule = tariffRule();
        Instant now = now();
        synchronized (writeLock) {
            ParkingSessionEntity found = store.read(em -> ticket != null ? byTicket(em, ticket) : insideByPlate(em, exitPlate.text()));
            if (found == null) {
                throw ticket != null
                        ? ParkirException.notFound("ticket_unknown", "no parking session with ticket " + ticket)
                        : ParkirException.notFound("plate_not_inside", "no vehicle with plate " + exitPlate + " is inside");
            }
            requireUnpaid(found);
            Stay stay = stay(found, now, command.lostTicket());
            Fee fee = rule.quote(stay);
            String imagePath = imageExt == null ? null : images.store(command.image(), imageExt, found.getTicket(), "exit", now);
            try {
                store.write(em -> {
                    ParkingSessionEntity s = em.find(ParkingSessionEntity.class, found.getId());
                    s.setQuotedAt(now.toEpochMilli());
                    s.setLostTicket(command.lostTicket());
                    s.setTotal(fee.total());
                    if (imagePath != null) {
                        images.deleteQuietly(s.getExitImage());
                        s.setExitImage(imagePath);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                images.deleteQuietly(imagePath);
                throw e;
            }
            Boolean plateMatches = command.lostTicket() ? Boolean.TRUE
                    : exitPlate == null ? null : PlateMatching.equivalent(exitPlate.text(), found.getPlate());
            return new ExitQuote(found.getTicket(), found.getPlate(), found.getVehicleType(), stay.entryTime(), now,
                    stay.durationMinutes(), fee, plateMatches, matchScore(found.getEntryImage(), imagePath),
                    command.lostTicket(), stay.overnights(), read);
        }
    }

    private Double matchScore(String entryImage, String exitImage) {
        ImageMatcher matcher = imageMatcher;
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

    private Stay stay(ParkingSessionEntity s, Instant exit, boolean lostTicket) {
        Instant entry = Instant.ofEpochMilli(s.getEntryAt());
        return new Stay(VehicleType.parse(s.getVehicleType()), s.getZone(), entry, exit, lostTicket,
                boundary.nightsBetween(entry, exit));
    }

    private static void requireUnpaid(ParkingSessionEntity s) {
        if (PAID.equals(s.getStatus())) {
            throw ParkirException.conflict("ticket_already_paid", "ticket " + s.getTicket() + " was already paid (receipt "
                    + s.getReceiptNo() + ")");
        }
    }

    // ---- payment -------------------------------------------------------------------------

    @Override
    public Receipt pay(Actor actor, PaymentCommand command) {
        String ticket = TicketNumber.parse(command.ticket());
        if (command.method() == null || command.method().isBlank()) {
            throw ParkirException.invalid("payment_method_missing", "method is required");
        }
        PaymentMethod method = paymentMethods.get(command.method().trim()).map(PluginRegistry.Plugin::service)
                .orElseThrow(() -> ParkirException.invalid("payment_method_unknown", "payment method '" + command.method()
                        + "' is not installed; installed: " + paymentMethods.all().stream().map(PluginRegistry.Plugin::id)
                        .collect(Collectors.joining(", "))));
        if (command.amountReceived() != null && command.amountReceived() < 0) {
            throw ParkirException.invalid("amount_invalid", "amountReceived must not be negative");
        }
        String key = command.idempotencyKey() == null || command.idempotencyKey().isBlank() ? null : command.idempotencyKey().trim();
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ParkirException.invalid("idempotency_key_invalid", "idempotency key must be 8-64 letters, digits or _.:-");
        }
        if (command.reference() != null && command.reference().length() > 128) {
            throw ParkirException.invalid("reference_invalid", "reference must have at most 128 characters");
        }
        TariffRule rule = tariffRule();
        synchronized (writeLock) {
            if (key != null) {
                PaymentEntity earlier = store.read(em -> em.createQuery(
                        "SELECT p FROM PaymentEntity p WHERE p.idempotencyKey = :k", PaymentEntity.class)
                        .setParameter("k", key).getResultList().stream().findFirst().orElse(null));
                if (earlier != null) {
                    if (!earlier.getTicket().equals(ticket)) {
                        throw ParkirException.conflict("idempotency_key_reused", "idempotency key was used for another ticket");
                    }
                    return receipt(earlier);
                }
            }
            ParkingSessionEntity found = store.read(em -> byTicket(em, ticket));
            if (found == null) {
                throw ParkirException.notFound("ticket_unknown", "no parking session with ticket " + ticket);
            }
            requireUnpaid(found);
            Instant now = now();
            Instant exitTime = found.getQuotedAt() != null
                    && Duration.between(Instant.ofEpochMilli(found.getQuotedAt()), now).toMinutes() < config.quoteValidityMinutes()
                    ? Instant.ofEpochMilli(found.getQuotedAt()) : now;
            Fee fee = rule.quote(stay(found, exitTime, found.isLostTicket()));
            PaymentMethod.Outcome outcome = method.pay(new PaymentMethod.Request(ticket, fee.total(),
                    command.amountReceived(), command.reference()));
            if (!outcome.accepted()) {
                throw ParkirException.invalid("payment_refused", outcome.message() == null ? "payment refused" : outcome.message());
            }
            return store.write(em -> {
                ParkingSessionEntity s = em.find(ParkingSessionEntity.class, found.getId());
                requireUnpaid(s);
                Long shift = openShiftId(em, actor.username());
                PaymentEntity p = new PaymentEntity();
                p.setSessionId(s.getId());
                p.setTicket(ticket);
                p.setPlate(s.getPlate());
                p.setMethod(command.method().trim());
                p.setTotal(fee.total());
                p.setPaid(outcome.paid());
                p.setChangeGiven(outcome.change());
                p.setPaidAt(now.toEpochMilli());
                p.setCashier(actor.username());
                p.setShiftId(shift);
                p.setIdempotencyKey(key);
                p.setReference(outcome.reference());
                p.setFeeLines(FeeLines.encode(fee.lines()));
                // Receipts are numbered without gaps; payments are never deleted and are written under writeLock.
                long sequence = em.createQuery("SELECT COUNT(x) FROM PaymentEntity x", Long.class).getSingleResult() + 1;
                p.setReceiptNo("R" + RECEIPT_DATE.format(now.atZone(boundary.zone())) + "-" + String.format("%06d", sequence));
                em.persist(p);
                s.setStatus(PAID);
                s.setExitAt(exitTime.toEpochMilli());
                s.setExitBy(actor.username());
                s.setExitShift(shift);
                s.setTotal(fee.total());
                s.setReceiptNo(p.getReceiptNo());
                return receipt(p);
            });
        }
    }

    private static Receipt receipt(PaymentEntity p) {
        return new Receipt(p.getReceiptNo(), p.getTicket(), p.getPlate(), p.getTotal(), p.getPaid(), p.getChangeGiven(),
                p.getMethod(), Instant.ofEpochMilli(p.getPaidAt()), FeeLines.decode(p.getFeeLines()), p.getCashier());
    }

    // ---- lists ---------------------------------------------------------------------------

    @Override
    public Page<SessionView> sessions(SessionQuery q) {
        int size = q.size() <= 0 ? 50 : q.size();
        if (size > 500 || q.page() < 0) {
            throw ParkirException.invalid("paging_invalid", "page must be >= 0 and size 1..500");
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        Instant now = now();
        if (q.status() != null && !q.status().isBlank()) {
            switch (q.status().trim().toLowerCase(Locale.ROOT)) {
                case "inside" -> where.append(" AND s.status = 'INSIDE'");
                case "paid" -> where.append(" AND s.status = 'PAID'");
                case "overnight" -> {
                    where.append(" AND s.status = 'INSIDE' AND s.entryAt < :boundary");
                    params.put("boundary", boundary.lastBoundary(now).toEpochMilli());
                }
                default -> throw ParkirException.invalid("status_invalid", "status must be inside, paid or overnight");
            }
        }
        if (q.plate() != null && !q.plate().isBlank()) {
            String plate = q.plate().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
            if (!plate.matches("[A-Z0-9]{1,10}")) {
                throw ParkirException.invalid("plate_invalid", "plate filter may contain letters and digits only");
            }
            where.append(" AND s.plate LIKE :plate");
            params.put("plate", "%" + plate + "%");
        }
        if (q.date() != null) {
            where.append(" AND s.entryAt >= :from AND s.entryAt < :to");
            params.put("from", boundary.startOf(q.date()).toEpochMilli());
            params.put("to", boundary.startOf(q.date().plusDays(1)).toEpochMilli());
        }
        return store.read(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(s) FROM ParkingSessionEntity s" + where, Long.class);
            TypedQuery<ParkingSessionEntity> list = em.createQuery(
                    "SELECT s FROM ParkingSessionEntity s" + where + " ORDER BY s.entryAt DESC", ParkingSessionEntity.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                list.setParameter(k, v);
            });
            List<SessionView> items = list.setFirstResult(q.page() * size).setMaxResults(size).getResultList().stream()
                    .map(s -> view(s, now)).toList();
            return new Page<>(items, count.getSingleResult(), q.page(), size);
        });
    }

    private SessionView view(ParkingSessionEntity s, Instant now) {
        Instant entry = Instant.ofEpochMilli(s.getEntryAt());
        Instant exit = s.getExitAt() == null ? null : Instant.ofEpochMilli(s.getExitAt());
        boolean paid = PAID.equals(s.getStatus());
        return new SessionView(s.getTicket(), s.getPlate(), s.getVehicleType(), s.getZone(), s.getGate(),
                s.getStatus().toLowerCase(Locale.ROOT), entry, exit, paid ? s.getTotal() : null, s.isLostTicket(),
                boundary.nightsBetween(entry, exit == null ? now : exit), s.getReceiptNo());
    }

    @Override
    public List<ZoneOccupancy> occupancy() {
        return store.read(this::occupancy);
    }

    private List<ZoneOccupancy> occupancy(EntityManager em) {
        Map<String, Long> inside = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT s.zone, s.vehicleType, COUNT(s) FROM ParkingSessionEntity s"
                + " WHERE s.status = 'INSIDE' GROUP BY s.zone, s.vehicleType", Object[].class).getResultList()) {
            inside.put(row[0] + "/" + row[1], ((Number) row[2]).longValue());
        }
        List<ZoneOccupancy> result = new ArrayList<>();
        for (ZoneEntity z : zoneEntities(em)) {
            List<ZoneOccupancy.TypeOccupancy> types = new ArrayList<>();
            for (VehicleType t : VehicleType.values()) {
                int cap = capacity(z, t);
                long in = inside.getOrDefault(z.getCode() + "/" + t.code(), 0L);
                types.add(new ZoneOccupancy.TypeOccupancy(t.code(), cap, in, Math.max(0, cap - in)));
            }
            result.add(new ZoneOccupancy(z.getCode(), z.getName(), types));
        }
        return result;
    }

    // ---- zones ---------------------------------------------------------------------------

    @Override
    public List<ZoneView> zones() {
        return store.read(em -> zoneEntities(em).stream().map(ParkingServiceImpl::zoneView).toList());
    }

    @Override
    public ZoneView saveZone(Actor actor, ZoneView zone) {
        if (!actor.isAdmin()) {
            throw ParkirException.forbidden("admin_required", "only admins may change zones");
        }
        String code = zone.code() == null ? "" : zone.code().trim().toUpperCase(Locale.ROOT);
        if (!ZONE_CODE.matcher(code).matches()) {
            throw ParkirException.invalid("zone_code_invalid", "zone code must be 1-16 letters or digits");
        }
        if (zone.name() != null && zone.name().length() > 64) {
            throw ParkirException.invalid("zone_name_invalid", "zone name must have at most 64 characters");
        }
        Map<VehicleType, Integer> caps = new LinkedHashMap<>();
        if (zone.capacity() != null) {
            zone.capacity().forEach((type, slots) -> {
                if (slots == null || slots < 0 || slots > 100_000) {
                    throw ParkirException.invalid("capacity_invalid", "capacity for " + type + " must be 0..100000");
                }
                caps.put(VehicleType.parse(type), slots);
            });
        }
        synchronized (writeLock) {
            return store.write(em -> {
                ZoneEntity z = em.find(ZoneEntity.class, code);
                if (z == null) {
                    z = new ZoneEntity();
                    z.setCode(code);
                    z.setSortOrder(zoneEntities(em).size());
                    em.persist(z);
                }
                z.setName(zone.name() == null ? (z.getName() == null ? code : z.getName()) : zone.name());
                for (Map.Entry<VehicleType, Integer> c : caps.entrySet()) {
                    setCapacity(z, c.getKey(), c.getValue());
                }
                return zoneView(z);
            });
        }
    }

    private void createInitialZones(String spec) {
        List<ZoneEntity> zones = new ArrayList<>();
        for (String part : spec.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] f = part.trim().split("\\|");
            if (f.length != 3) {
                throw new IllegalArgumentException("initialZones entry '" + part + "' is not CODE|Name|type=slots,...");
            }
            ZoneEntity z = new ZoneEntity();
            z.setCode(f[0].trim().toUpperCase(Locale.ROOT));
            z.setName(f[1].trim());
            z.setSortOrder(zones.size());
            for (String cap : f[2].split(",")) {
                String[] kv = cap.split("=");
                setCapacity(z, VehicleType.parse(kv[0]), Integer.parseInt(kv[1].trim()));
            }
            zones.add(z);
        }
        store.write(em -> {
            if (zoneEntities(em).isEmpty()) {
                zones.forEach(em::persist);
                LOG.info("Created initial zones {}", zones.stream().map(ZoneEntity::getCode).toList());
            }
            return null;
        });
    }

    private static List<ZoneEntity> zoneEntities(EntityManager em) {
        return em.createQuery("SELECT z FROM ZoneEntity z ORDER BY z.sortOrder, z.code", ZoneEntity.class).getResultList();
    }

    private static ZoneView zoneView(ZoneEntity z) {
        Map<String, Integer> caps = new LinkedHashMap<>();
        for (VehicleType t : VehicleType.values()) {
            caps.put(t.code(), capacity(z, t));
        }
        return new ZoneView(z.getCode(), z.getName(), caps);
    }

    private static int capacity(ZoneEntity z, VehicleType t) {
        return switch (t) {
            case MOTORCYCLE -> z.getCapMotorcycle();
            case CAR -> z.getCapCar();
            case TRUCK -> z.getCapTruck();
            case BUS -> z.getCapBus();
        };
    }

    private static void setCapacity(ZoneEntity z, VehicleType t, int slots) {
        switch (t) {
            case MOTORCYCLE -> z.setCapMotorcycle(slots);
            case CAR -> z.setCapCar(slots);
            case TRUCK -> z.setCapTruck(slots);
            case BUS -> z.setCapBus(slots);
        }
    }

    // ---- shifts --------------------------------------------------------------------------

    @Override
    public ShiftView openShift(Actor actor, long openingCash) {
        if (openingCash < 0) {
            throw ParkirException.invalid("amount_invalid", "openingCash must not be negative");
        }
        synchronized (writeLock) {
            return store.write(em -> {
                if (openShift(em, actor.username()) != null) {
                    throw ParkirException.conflict("shift_already_open", actor.username() + " already has an open shift");
                }
                ShiftEntity s = new ShiftEntity();
                s.setUsername(actor.username());
                s.setOpenedAt(System.currentTimeMillis());
                s.setOpeningCash(openingCash);
                em.persist(s);
                em.flush();
                return shiftView(s);
            });
        }
    }

    @Override
    public ShiftReport closeShift(Actor actor, Long countedCash) {
        if (countedCash != null && countedCash < 0) {
            throw ParkirException.invalid("amount_invalid", "countedCash must not be negative");
        }
        synchronized (writeLock) {
            return store.write(em -> {
                ShiftEntity s = openShift(em, actor.username());
                if (s == null) {
                    throw ParkirException.conflict("no_open_shift", actor.username() + " has no open shift");
                }
                s.setClosedAt(System.currentTimeMillis());
                s.setCountedCash(countedCash);
                return report(em, s);
            });
        }
    }

    private static ShiftReport report(EntityManager em, ShiftEntity s) {
        long entries = em.createQuery("SELECT COUNT(x) FROM ParkingSessionEntity x WHERE x.entryShift = :id", Long.class)
                .setParameter("id", s.getId()).getSingleResult();
        long exits = em.createQuery("SELECT COUNT(p) FROM PaymentEntity p WHERE p.shiftId = :id", Long.class)
                .setParameter("id", s.getId()).getSingleResult();
        long lost = em.createQuery("SELECT COUNT(x) FROM ParkingSessionEntity x WHERE x.exitShift = :id AND x.lostTicket = TRUE",
                Long.class).setParameter("id", s.getId()).getSingleResult();
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT p.method, SUM(p.total) FROM PaymentEntity p WHERE p.shiftId = :id"
                + " GROUP BY p.method ORDER BY p.method", Object[].class).setParameter("id", s.getId()).getResultList()) {
            byMethod.put((String) row[0], ((Number) row[1]).longValue());
        }
        long total = byMethod.values().stream().mapToLong(Long::longValue).sum();
        long cashExpected = s.getOpeningCash() + byMethod.getOrDefault("cash", 0L);
        Long difference = s.getCountedCash() == null ? null : s.getCountedCash() - cashExpected;
        return new ShiftReport(s.getId(), s.getUsername(), Instant.ofEpochMilli(s.getOpenedAt()),
                s.getClosedAt() == null ? null : Instant.ofEpochMilli(s.getClosedAt()), entries, exits, lost, byMethod, total,
                s.getOpeningCash(), cashExpected, s.getCountedCash(), difference);
    }

    @Override
    public Optional<ShiftView> currentShift(Actor actor) {
        return store.read(em -> Optional.ofNullable(openShift(em, actor.username())).map(ParkingServiceImpl::shiftView));
    }

    private static ShiftEntity openShift(EntityManager em, String username) {
        return em.createQuery("SELECT s FROM ShiftEntity s WHERE s.username = :u AND s.closedAt IS NULL", ShiftEntity.class)
                .setParameter("u", username).getResultList().stream().findFirst().orElse(null);
    }

    private static Long openShiftId(EntityManager em, String username) {
        ShiftEntity s = openShift(em, username);
        return s == null ? null : s.getId();
    }

    private static ShiftView shiftView(ShiftEntity s) {
        return new ShiftView(s.getId(), s.getUsername(), Instant.ofEpochMilli(s.getOpenedAt()),
                s.getClosedAt() == null ? null : Instant.ofEpochMilli(s.getClosedAt()), s.getOpeningCash());
    }

    // ---- queries -------------------------------------------------------------------------

    private static ParkingSessionEntity byTicket(EntityManager em, String ticket) {
        return em.createQuery("SELECT s FROM ParkingSessionEntity s WHERE s.ticket = :t", ParkingSessionEntity.class)
                .setParameter("t", ticket).getResultList().stream().findFirst().orElse(null);
    }

    private static ParkingSessionEntity insideByPlate(EntityManager em, String plate) {
        return em.createQuery("SELECT s FROM ParkingSessionEntity s WHERE s.plate = :p AND s.status = 'INSIDE'",
                ParkingSessionEntity.class).setParameter("p", plate).getResultList().stream().findFirst().orElse(null);
    }

    /** Millisecond precision: what the API answers is exactly what the database stores. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
