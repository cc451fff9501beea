package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.PluginProperties;
import id.parkir.api.Role;
import id.parkir.api.TariffSettings;
import id.parkir.api.parking.ParkingService;
import id.parkir.api.parking.PluginInfo;
import id.parkir.api.parking.TariffQuote;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The tariff screen: the settings of the tariff rule in use (read by operators and admins, changed
 * by admins through the rule's own {@link TariffSettings}, so its limits are checked where its keys
 * are known) and a price simulation by the rule itself.
 */
@Component(service = TariffResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("tariff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access({Role.ADMIN, Role.OPERATOR})
public class TariffResource {
    @Reference
    private ParkingService parking;

    @Reference
    private Audit audit;

    /** The settings each installed rule offers, by its parkir.id. */
    private final Map<String, TariffSettings> settings = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSettings(TariffSettings s, Map<String, Object> properties) {
        settings.put(String.valueOf(properties.get(PluginProperties.ID)), s);
    }

    void unbindSettings(TariffSettings s, Map<String, Object> properties) {
        settings.remove(String.valueOf(properties.get(PluginProperties.ID)), s);
    }

    @GET
    public Map<String, Object> get() {
        String rule = ruleInUse();
        return answer(rule, settingsOf(rule).current());
    }

    @PUT
    @Access(Role.ADMIN)
    public Map<String, Object> put(Requests.Tariff body, @Context SecurityContext sc) {
        Map<String, Map<String, Long>> wanted = TariffBodies.settings(body.types());
        String rule = ruleInUse();
        TariffSettings s = settingsOf(rule);
        Map<String, Map<String, Long>> before = s.current();
        Map<String, Map<String, Long>> after = s.save(wanted);
        String changes = TariffBodies.changes(rule, before, after);
        if (changes != null) {
            audit.record(sc, "TARIFF_CHANGED", changes);
        }
        return answer(rule, after);
    }

    @POST
    @Path("quote")
    public TariffQuote quote(Requests.TariffQuote body) {
        return parking.quoteTariff(body.vehicleType(), instant("entryTime", body.entryTime()),
                instant("exitTime", body.exitTime()), Boolean.TRUE.equals(body.lostTicket()));
    }

    private String ruleInUse() {
        return parking.tariffRules().stream().filter(PluginInfo::inUse).map(PluginInfo::id).findFirst()
                .orElseThrow(() -> ParkirException.unavailable("tariff_rule_unavailable",
                        "the tariff rule in use is not installed or not started"));
    }

    private TariffSettings settingsOf(String rule) {
        TariffSettings s = settings.get(rule);
        if (s == null) {
            throw ParkirException.unavailable("tariff_settings_unavailable", "tariff rule '" + rule
                    + "' offers no settings to edit here: see its configuration file in etc/");
        }
        return s;
    }

    private static Map<String, Object> answer(String rule, Map<String, Map<String, Long>> types) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule);
        m.put("types", types);
        return m;
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw ParkirException.invalid("time_missing", name + " is required, an ISO-8601 instant such as 2026-11-22T08:15:00Z");
        }
        Instant at;
        try {
            at = Instant.parse(text.trim());
        } catch (DateTimeException e) {
            throw ParkirException.invalid("time_invalid", name + " must be an ISO-8601 instant such as 2026-11-22T08:15:00Z");
        }
        if (at.isBefore(QueryParams.FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC))
                || at.isAfter(QueryParams.LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw ParkirException.invalid("time_invalid", name + " must lie between " + QueryParams.FIRST_DAY + " and "
                    + QueryParams.LAST_DAY);
        }
        return at;
    }
}
