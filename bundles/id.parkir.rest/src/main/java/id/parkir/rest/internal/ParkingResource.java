package id.parkir.rest.internal;

import id.parkir.api.Role;
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
import id.parkir.api.parking.ZoneOccupancy;
import id.parkir.api.parking.ZoneView;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The gate, the cash desk and the lot: entries, exits, payments, sessions, occupancy, zones, shifts. */
@Component(service = ParkingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Access({Role.ADMIN, Role.OPERATOR})
public class ParkingResource {
    @Reference
    private ParkingService parking;

    @Reference
    private Audit audit;

    @POST
    @Path("capture-entry")
    public Response entry(Requests.Entry body, @Context SecurityContext sc) {
        return entry(new EntryCommand(body.plate(), body.vehicleType(), body.gate(), body.zone(),
                Uploads.base64Image(body.image())), sc);
    }

    @POST
    @Path("capture-entry")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response entryMultipart(MultipartBody body, @Context SecurityContext sc) {
        return entry(new EntryCommand(Uploads.text(body, "plate"), Uploads.text(body, "vehicleType"),
                Uploads.text(body, "gate"), Uploads.text(body, "zone"), Uploads.file(body, "image")), sc);
    }

    private Response entry(EntryCommand command, SecurityContext sc) {
        EntryResult r = parking.recordEntry(ActorSecurityContext.actor(sc), command);
        return Response.status(Response.Status.CREATED).entity(r).build();
    }

    @POST
    @Path("capture-exit")
    public ExitQuote exit(Requests.Exit body, @Context SecurityContext sc) {
        return parking.quoteExit(ActorSecurityContext.actor(sc), new ExitCommand(body.ticket(), body.plate(),
                Boolean.TRUE.equals(body.lostTicket()), Uploads.base64Image(body.image())));
    }

    @POST
    @Path("capture-exit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ExitQuote exitMultipart(MultipartBody body, @Context SecurityContext sc) {
        return parking.quoteExit(ActorSecurityContext.actor(sc), new ExitCommand(Uploads.text(body, "ticket"),
                Uploads.text(body, "plate"), Uploads.flag(Uploads.text(body, "lostTicket")), Uploads.file(body, "image")));
    }

    /** The idempotency key may come in the body or, as is usual for HTTP APIs, in an Idempotency-Key header. */
    @POST
    @Path("payments")
    public Response pay(Requests.Payment body, @HeaderParam("Idempotency-Key") String keyHeader, @Context SecurityContext sc) {
        String key = body.idempotencyKey() != null ? body.idempotencyKey() : keyHeader;
        Receipt r = parking.pay(ActorSecurityContext.actor(sc),
                new PaymentCommand(body.ticket(), body.method(), body.amountReceived(), key, body.reference()));
        return Response.status(Response.Status.CREATED).entity(r).build();
    }

    @GET
    @Path("sessions")
    public Page<SessionView> sessions(@QueryParam("status") String status, @QueryParam("plate") String plate,
                                      @QueryParam("date") String date, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @QueryParam("ticket") String ticket,
                                      @QueryParam("gate") String gate, @QueryParam("cashier") String cashier,
                                      @QueryParam("page") @DefaultValue("0") String page,
                                      @QueryParam("size") @DefaultValue("50") String size) {
        return parking.sessions(new SessionQuery(status, plate, QueryParams.date("date", date), QueryParams.date("from", from),
                QueryParams.date("to", to), ticket, gate, cashier, QueryParams.integer("page", page, 0, 0, 10_000),
                QueryParams.integer("size", size, 50, 1, 500)));
    }

    /** One session with its payment, for the session page. */
    @GET
    @Path("sessions/{ticket}")
    public SessionDetail session(@PathParam("ticket") String ticket) {
        return parking.session(ticket);
    }

    /**
     * A session's entry or exit photo, for comparing at the exit. The token may come as
     * {@code access_token} so that an {@code <img>} can show it; the answer is never cached.
     */
    @GET
    @Path("sessions/{ticket}/photos/{kind}")
    @Produces({"image/jpeg", "image/png"})
    @Access(value = {Role.ADMIN, Role.OPERATOR}, tokenInQuery = true)
    public Response photo(@PathParam("ticket") String ticket, @PathParam("kind") String kind) {
        SessionPhoto photo = parking.photo(ticket, kind);
        return Response.ok(photo.bytes(), photo.mediaType()).build();
    }

    @GET
    @Path("occupancy")
    public List<ZoneOccupancy> occupancy() {
        return parking.occupancy();
    }

    @GET
    @Path("zones")
    public List<ZoneView> zones() {
        return parking.zones();
    }

    @PUT
    @Path("zones/{code}")
    @Access(Role.ADMIN)
    public ZoneView saveZone(@PathParam("code") String code, Requests.Zone body, @Context SecurityContext sc) {
        ZoneView saved = parking.saveZone(ActorSecurityContext.actor(sc), new ZoneView(code, body.name(), body.capacity()));
        audit.record(sc, "ZONE_SAVED", saved.code() + " name=" + saved.name() + " capacity=" + saved.capacity());
        return saved;
    }

    @GET
    @Path("payment-methods")
    public List<PluginInfo> paymentMethods() {
        return parking.paymentMethods();
    }

    @GET
    @Path("tariff-rules")
    public List<PluginInfo> tariffRules() {
        return parking.tariffRules();
    }

    @POST
    @Path("shifts/open")
    public Response openShift(Requests.ShiftOpen body, @Context SecurityContext sc) {
        long opening = body.openingCash() == null ? 0 : body.openingCash();
        ShiftView shift = parking.openShift(ActorSecurityContext.actor(sc), opening);
        audit.record(sc, "SHIFT_OPENED", "shift " + shift.id() + " with opening cash " + opening);
        return Response.status(Response.Status.CREATED).entity(shift).build();
    }

    @POST
    @Path("shifts/close")
    public ShiftReport closeShift(Requests.ShiftClose body, @Context SecurityContext sc) {
        ShiftReport report = parking.closeShift(ActorSecurityContext.actor(sc), body.countedCash());
        audit.record(sc, "SHIFT_CLOSED", "shift " + report.shiftId() + ": expected " + report.cashExpected() + ", counted "
                + report.countedCash() + ", difference " + report.difference());
        return report;
    }

    @GET
    @Path("shifts/current")
    public Response currentShift(@Context SecurityContext sc) {
        return orNoOpenShift(parking.currentShift(ActorSecurityContext.actor(sc)));
    }

    /** The open shift's running totals (entries, exits, revenue per method, cash expected), for the cashier's screen. */
    @GET
    @Path("shifts/current/report")
    public Response currentShiftReport(@Context SecurityContext sc) {
        return orNoOpenShift(parking.currentShiftReport(ActorSecurityContext.actor(sc)));
    }

    private static Response orNoOpenShift(java.util.Optional<?> shift) {
        return shift.map(s -> Response.ok(s).build()).orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                .entity(ErrorMapper.body("no_open_shift", "no open shift")).build());
    }
}
