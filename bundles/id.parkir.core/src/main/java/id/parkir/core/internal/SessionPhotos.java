package id.parkir.core.internal;

import id.parkir.api.ImageHeader;
import id.parkir.api.ParkirException;
import id.parkir.api.TicketNumber;
import id.parkir.api.parking.SessionPhoto;
import id.parkir.store.jpa.ParkirStore;
import java.util.List;

/**
 * A session's gate photos for the operator's screens. The request names only a checked ticket and
 * one of two kinds; the file comes from the path the database holds for that session (written by
 * {@link ImageStore}), so no request can reach any other file. The file is read after the short
 * read of its path, outside any transaction.
 */
final class SessionPhotos {
    private final ParkirStore store;
    private final ImageStore images;

    SessionPhotos(ParkirStore store, ImageStore images) {
        this.store = store;
        this.images = images;
    }

    SessionPhoto photo(String typedTicket, String kind) {
        String ticket = TicketNumber.parse(typedTicket);
        String column = switch (kind == null ? "" : kind) {
            case SessionPhoto.ENTRY -> "entryImage";
            case SessionPhoto.EXIT -> "exitImage";
            default -> throw ParkirException.invalid("photo_kind_invalid", "photo kind must be entry or exit");
        };
        List<String> paths = store.read(em -> em.createQuery("SELECT s." + column + " FROM ParkingSessionEntity s"
                + " WHERE s.ticket = :t", String.class).setParameter("t", ticket).getResultList());
        String path = paths.isEmpty() ? null : paths.get(0);
        byte[] bytes = images.load(path);
        String format = ImageHeader.format(bytes);
        if (format == null) {
            // unknown ticket, no photo of that kind, or its file gone (another server's disk, removed by hand)
            throw ParkirException.notFound("photo_not_found", "ticket " + ticket + " has no " + kind + " photo");
        }
        return new SessionPhoto("png".equals(format) ? "image/png" : "image/jpeg", bytes);
    }
}
