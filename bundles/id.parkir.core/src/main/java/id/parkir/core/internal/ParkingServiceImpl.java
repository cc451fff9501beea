package id.parkir.core.internal;

import id.parkir.api.Actor;
import id.parkir.api.ImageMatcher;
import id.parkir.api.ParkirData;
import id.parkir.api.ParkirException;
import id.parkir.api.PaymentMethod;
import id.parkir.api.TariffRule;
import id.parkir.api.anpr.PlateRecognizer;
import id.parkir.api.parking.EntryCommand;
import id.parkir.api.parking.EntryResult;
import id.parkir.api.parking.ExitCommand;
import id.parkir.api.parking.ExitQuote;
import id.parkir.api.parking.Page;
import id.parkir.api.parking.ParkingService;
import id.parkir.api.parking.PaymentCommand;
import id.parkir.api.parking.PluginInfo;
import id.parkir.api.parking.Receipt;
import id.parkir.api.parking.SessionDetail;
import id.parkir.api.parking.SessionPhoto;
import id.parkir.api.parking.SessionQuery;
import id.parkir.api.parking.SessionView;
import id.parkir.api.parking.ShiftReport;
import id.parkir.api.parking.ShiftView;
import id.parkir.api.parking.Site;
import id.parkir.api.parking.TariffQuote;
import id.parkir.api.parking.ZoneOccupancy;
import id.parkir.api.parking.ZoneView;
import id.parkir.store.jpa.ParkirStore;
import id.parkir.store.jpa.StoreConflict;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 * The gate and cash-desk service: wires the parts ({@link Entries}, {@link Exits},
 * {@link Payments}, {@link SessionSearch}, {@link SessionDetails}, {@link SessionPhotos}, {@link TariffQuotes},
 * {@link Zones}, {@link Shifts})
 * and the plugins. Tariff
 * rules, payment methods, the image matcher and the plate recogniser are dynamic references, so
 * their bundles come and go while the core keeps running. There is no lock in this JVM: what must
 * not race (one vehicle inside per plate, zone capacity, paid once, receipt numbers, one open
 * shift per user) is held by the database, so it also holds between several servers.
 */
@Component(service = ParkingService.class, configurationPid = "id.parkir.core")
@Designate(ocd = CoreConfig.class)
public class ParkingServiceImpl implements ParkingService {
    private static final Logger LOG = LoggerFactory.getLogger(ParkingServiceImpl.class);

    private final CoreConfig config;
    private final PluginRegistry<TariffRule> tariffRules = new PluginRegistry<>();
    private final PluginRegistry<PaymentMethod> paymentMethods = new PluginRegistry<>();
    private final Entries entries;
    private final Exits exits;
    private final Payments payments;
    private final SessionSearch search;
    private final SessionPhotos photos;
    private final SessionDetails details;
    private final TariffQuotes tariffQuotes;
    private final Site site;
    private final Zones zones;
    private final Shifts shifts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ImageMatcher imageMatcher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlateRecognizer plateRecognizer;

    @Activate
    public ParkingServiceImpl(@Reference ParkirStore store, CoreConfig config) {
        this.config = config;
        DayBoundary boundary = new DayBoundary(config.timeZone(), config.dayBoundary());
        ImageStore images = new ImageStore(imageDir(config), config.maxImageBytes(), config.maxImagePixels(), boundary.zone());
        PhotoPlates photoPlates = new PhotoPlates(() -> plateRecognizer);
        Supplier<TariffRule> tariffRule = this::tariffRule;
        this.zones = new Zones(store);
        this.shifts = new Shifts(store);
        this.entries = new Entries(store, images, photoPlates, zones);
        this.exits = new Exits(store, images, photoPlates, boundary, tariffRule, () -> imageMatcher);
        this.payments = new Payments(store, config, boundary, tariffRule, paymentMethods);
        this.search = new SessionSearch(store, boundary, new FeesSoFar(tariffRule));
        this.photos = new SessionPhotos(store, images);
        this.details = new SessionDetails(store, boundary);
        this.tariffQuotes = new TariffQuotes(boundary, tariffRule);
        this.site = SiteInfo.of(config, boundary);
        zones.createInitialZones(config.initialZones());
    }

    private static Path imageDir(CoreConfig config) {
        return config.imageDir().isBlank() ? ParkirData.folder().resolve("images") : Paths.get(config.imageDir());
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

    // ---- the operations, each one refused cleanly if the database refused ---------------------

    @Override
    public EntryResult recordEntry(Actor actor, EntryCommand command) {
        return guarded(() -> entries.record(actor, command));
    }

    @Override
    public ExitQuote quoteExit(Actor actor, ExitCommand command) {
        return guarded(() -> exits.quote(actor, command));
    }

    @Override
    public Receipt pay(Actor actor, PaymentCommand command) {
        return guarded(() -> payments.pay(actor, command));
    }

    @Override
    public Page<SessionView> sessions(SessionQuery query) {
        return search.search(query);
    }

    @Override
    public SessionDetail session(String ticket) {
        return details.detail(ticket);
    }

    @Override
    public TariffQuote quoteTariff(String vehicleType, Instant entryTime, Instant exitTime, boolean lostTicket) {
        return tariffQuotes.quote(vehicleType, entryTime, exitTime, lostTicket);
    }

    @Override
    public SessionPhoto photo(String ticket, String kind) {
        return photos.photo(ticket, kind);
    }

    @Override
    public Site site() {
        return site;
    }

    @Override
    public List<ZoneOccupancy> occupancy() {
        return zones.occupancy();
    }

    @Override
    public List<ZoneView> zones() {
        return zones.zones();
    }

    @Override
    public ZoneView saveZone(Actor actor, ZoneView zone) {
        return guarded(() -> zones.save(actor, zone));
    }

    @Override
    public ShiftView openShift(Actor actor, long openingCash) {
        return guarded(() -> shifts.open(actor, openingCash));
    }

    @Override
    public ShiftReport closeShift(Actor actor, Long countedCash) {
        return guarded(() -> shifts.close(actor, countedCash));
    }

    @Override
    public Optional<ShiftView> currentShift(Actor actor) {
        return shifts.current(actor);
    }

    @Override
    public Optional<ShiftReport> currentShiftReport(Actor actor) {
        return shifts.running(actor);
    }

    /** A database refusal no part turned into its own answer is still a 409, never a 500. */
    private static <T> T guarded(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (StoreConflict c) {
            LOG.info("Refused by the database: {}", c.getMessage());
            throw ParkirException.conflict("conflict", "the data changed at the same moment elsewhere: try again");
        }
    }
}
