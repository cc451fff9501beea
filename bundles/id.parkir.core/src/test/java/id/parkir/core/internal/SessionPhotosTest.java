package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.parkir.api.ParkirException;
import id.parkir.api.TicketNumber;
import id.parkir.api.parking.SessionPhoto;
import id.parkir.store.jpa.ParkirStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionPhotosTest {
    @TempDir
    Path dir;
    private ImageStore images;
    /** What the database answers for the photo path; the queries it was asked. */
    private final List<String> stored = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private SessionPhotos photos;
    private final String ticket = TicketNumber.generate();

    @BeforeEach
    void setUp() {
        images = new ImageStore(dir.resolve("images"), 1_000_000, 16_777_216L, ZoneId.of("Asia/Jakarta"));
        photos = new SessionPhotos(fakeStore(), images);
    }

    @Test
    void answersTheStoredPhotoWithItsRealType() throws IOException {
        byte[] jpeg = encode("jpg");
        stored.add(images.store(jpeg, "jpg", ticket, "entry", Instant.now()));
        SessionPhoto p = photos.photo(ticket.toLowerCase(), "entry");
        assertEquals("image/jpeg", p.mediaType());
        assertArrayEquals(jpeg, p.bytes());
        assertEquals(List.of("SELECT s.entryImage FROM ParkingSessionEntity s WHERE s.ticket = :t"), queries);

        byte[] png = encode("png");
        stored.set(0, images.store(png, "png", ticket, "exit", Instant.now()));
        SessionPhoto exit = photos.photo(ticket, "exit");
        assertEquals("image/png", exit.mediaType());
        assertArrayEquals(png, exit.bytes());
        assertEquals("SELECT s.exitImage FROM ParkingSessionEntity s WHERE s.ticket = :t", queries.get(1));
    }

    @Test
    void unknownTicketMissingPhotoOrGoneFileIsNotFound() throws IOException {
        assertEquals("photo_not_found", refused(404, () -> photos.photo(ticket, "entry")));
        stored.add(null);
        assertEquals("photo_not_found", refused(404, () -> photos.photo(ticket, "exit")));
        String path = images.store(encode("jpg"), "jpg", ticket, "entry", Instant.now());
        stored.set(0, path);
        Files.delete(dir.resolve("images").resolve(path));
        assertEquals("photo_not_found", refused(404, () -> photos.photo(ticket, "entry")));
    }

    @Test
    void nothingOutsideTheImageFolderIsRead() throws IOException {
        Files.write(dir.resolve("secret.jpg"), encode("jpg"));
        stored.add("../secret.jpg");
        assertEquals("photo_not_found", refused(404, () -> photos.photo(ticket, "entry")));
        stored.set(0, dir.resolve("secret.jpg").toString());
        assertEquals("photo_not_found", refused(404, () -> photos.photo(ticket, "entry")));
    }

    @Test
    void badTicketsAndKindsAreRefusedBeforeTheDatabase() {
        String wrongCheck = ticket.substring(0, 9) + (ticket.charAt(9) == '0' ? '1' : '0');
        assertEquals("ticket_check_failed", refused(400, () -> photos.photo(wrongCheck, "entry")));
        assertEquals("ticket_invalid", refused(400, () -> photos.photo("../../etc/passwd", "entry")));
        assertEquals("ticket_missing", refused(400, () -> photos.photo(" ", "entry")));
        assertEquals("photo_kind_invalid", refused(400, () -> photos.photo(ticket, "side")));
        assertEquals("photo_kind_invalid", refused(400, () -> photos.photo(ticket, "ENTRY")));
        assertEquals("photo_kind_invalid", refused(400, () -> photos.photo(ticket, null)));
        assertEquals(List.of(), queries);
    }

    private static String refused(int status, Runnable call) {
        ParkirException e = assertThrows(ParkirException.class, call::run);
        assertEquals(status, e.kind().httpStatus);
        return e.code();
    }

    private static byte[] encode(String format) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().fillRect(10, 10, 30, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A store whose entity manager answers every JPQL query with {@link #stored}. */
    private ParkirStore fakeStore() {
        EntityManager em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createQuery")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    queries.add((String) args[0]);
                    return Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {javax.persistence.TypedQuery.class}, (q, m, a) -> switch (m.getName()) {
                                case "setParameter" -> q;
                                case "getResultList" -> new ArrayList<>(stored);
                                default -> throw new UnsupportedOperationException(m.getName());
                            });
                });
        return new ParkirStore() {
            @Override
            public <T> T write(Function<EntityManager, T> work) {
                throw new AssertionError("a photo is only read");
            }

            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return work.apply(em);
            }
        };
    }
}
