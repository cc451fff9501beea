package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Role;
import id.parkir.api.backup.BackupInfo;
import id.parkir.api.backup.BackupService;
import id.parkir.api.backup.BackupStatus;
import id.parkir.api.backup.RestoreResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriBuilder;
import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Backups, for admins: list, make one now ({@code 201} with its id), its status, download an archive,
 * restore one from the backup folder or from an uploaded archive (the raw body as
 * {@code application/zip} or {@code application/octet-stream}, or the multipart field {@code file}).
 * Who, when, from where and the outcome are in the activity log (the service writes it).
 */
@Component(service = BackupResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("backups")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.ADMIN)
public class BackupResource {
    private static final String ZIP = "application/zip";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackupService backups;

    private BackupService backups() {
        BackupService b = backups;
        if (b == null) {
            throw ParkirException.unavailable("backup_unavailable", "backups (feature parkir-backup) are not installed");
        }
        return b;
    }

    @GET
    public List<BackupInfo> list() {
        return backups().list();
    }

    @GET
    @Path("status")
    public BackupStatus status() {
        return backups().status();
    }

    /** Makes a backup now; {@code photoDays} (0-366) overrides how many days of photos it holds. */
    @POST
    public Response create(@QueryParam("photoDays") String photoDays, @Context SecurityContext sc) {
        Integer days = photoDays == null || photoDays.isBlank() ? null : QueryParams.integer("photoDays", photoDays, 0, 0, 366);
        BackupInfo made = backups().create(ActorSecurityContext.actor(sc), days, false);
        return Response.created(UriBuilder.fromPath("/api/backups/{id}").build(made.id())).entity(made).build();
    }

    /** The archive, as a download. */
    @GET
    @Path("{id}")
    @Produces(ZIP)
    public Response download(@PathParam("id") String id, @Context SecurityContext sc) throws IOException {
        java.nio.file.Path file = backups().archive(ActorSecurityContext.actor(sc), id);
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, ZIP).header("Content-Length", Files.size(file))
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }

    @POST
    @Path("{id}/restore")
    public RestoreResult restore(@PathParam("id") String id, @Context SecurityContext sc) {
        return backups().restore(ActorSecurityContext.actor(sc), id);
    }

    /** An uploaded archive as the raw body; a declared length over the limit is refused before a byte is read. */
    @POST
    @Path("restore")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM, "application/x-zip-compressed"})
    public RestoreResult restoreUpload(InputStream body, @HeaderParam("Content-Length") String length, @Context SecurityContext sc) {
        BackupService b = backups();
        long max = b.status().maxUploadBytes();
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > max) {
            throw new ParkirException(ParkirException.Kind.TOO_LARGE, "body_too_large",
                    "the archive is larger than " + max / (1024 * 1024) + " MB (maxUploadMb in etc/id.parkir.backup.cfg)");
        }
        return b.restore(ActorSecurityContext.actor(sc), body);
    }

    /** An uploaded archive as the multipart field {@code file}. */
    @POST
    @Path("restore")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestoreResult restoreMultipart(MultipartBody body, @Context SecurityContext sc) throws IOException {
        Attachment file = body.getAttachment("file");
        if (file == null) {
            throw ParkirException.invalid("backup_missing", "send the backup archive as the multipart field 'file'");
        }
        try (InputStream in = file.getDataHandler().getInputStream()) {
            return backups().restore(ActorSecurityContext.actor(sc), in);
        }
    }
}
