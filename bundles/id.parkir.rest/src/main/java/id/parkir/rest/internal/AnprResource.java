package id.parkir.rest.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Role;
import id.parkir.api.anpr.PlateRecognizer;
import id.parkir.api.anpr.Recognition;
import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Plate reading for the gate UI and integrators: a photo in, the plates in it out. */
@Component(service = AnprResource.class)
@JaxrsResource
@JaxrsApplicationSelect(ParkirApplication.SELECT)
@Path("anpr")
@Produces(MediaType.APPLICATION_JSON)
@Access({Role.ADMIN, Role.OPERATOR})
public class AnprResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PlateRecognizer recognizer;

    /** The photo as the raw request body ({@code Content-Type: image/jpeg} or {@code image/png}). */
    @POST
    @Path("read")
    @Consumes({"image/jpeg", "image/png"})
    public Recognition read(InputStream body) throws IOException {
        return recognize(Bodies.readAtMost(body, Uploads.MAX_PART_BYTES));
    }

    /** The photo as the multipart field {@code image}. */
    @POST
    @Path("read")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Recognition readMultipart(MultipartBody body) {
        byte[] image = Uploads.file(body, "image");
        if (image == null) {
            throw ParkirException.invalid("image_missing", "send the photo as the multipart field 'image'");
        }
        return recognize(image);
    }

    private Recognition recognize(byte[] image) {
        PlateRecognizer r = recognizer;
        if (r == null) {
            throw ParkirException.unavailable("anpr_unavailable", "no plate recogniser is installed");
        }
        if (image.length == 0) {
            throw ParkirException.invalid("image_missing", "the request body must be a JPEG or PNG photo");
        }
        return r.recognize(image);
    }
}
