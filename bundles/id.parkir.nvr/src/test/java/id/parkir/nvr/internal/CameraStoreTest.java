package id.parkir.nvr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import id.parkir.api.nvr.CameraSpec;
import id.parkir.api.nvr.CameraView;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CameraStoreTest {
    private static CameraSpec host(String name, String host, Integer port) {
        return new CameraSpec(name, host, port, "/stream1", null, null, null, null, null);
    }

    private static String invalid(CameraStore store, CameraSpec spec) {
        ParkirException e = assertThrows(ParkirException.class, () -> store.add(spec));
        assertEquals("camera_invalid", e.code());
        return e.getMessage();
    }

    @Test
    void addressesAreValidated(@TempDir Path dir) throws Exception {
        CameraStore store = new CameraStore(dir);
        assertTrue(invalid(store, host("a", "10.0.0.256", 554)).contains("IPv4"));
        assertTrue(invalid(store, host("a", "cam_1.local", 554)).contains("DNS name"));
        assertTrue(invalid(store, host("a", "-cam.local", 554)).contains("DNS name"));
        assertTrue(invalid(store, host("a", "10.0.0.5", 0)).contains("port"));
        assertTrue(invalid(store, host("a", "10.0.0.5", 65536)).contains("port"));
        assertTrue(invalid(store, new CameraSpec("a", "10.0.0.5", 554, "/a b", null, null, null, null, null)).contains("path"));
        assertTrue(invalid(store, new CameraSpec("a", null, null, null, "ftp://10.0.0.5/x", null, null, null, null)).contains("rtsp://"));
        assertTrue(invalid(store, new CameraSpec("a", null, null, null, "rtsp://u:p@10.0.0.5/x", null, null, null, null)).contains("own fields"));
        assertTrue(invalid(store, new CameraSpec("a", "10.0.0.5", null, null, "rtsp://10.0.0.5/x", null, null, null, null)).contains("not both"));
        assertTrue(invalid(store, new CameraSpec(" ", "10.0.0.5", null, null, null, null, null, null, null)).contains("name"));
        assertTrue(invalid(store, new CameraSpec("a", "10.0.0.5", null, null, null, null, null, "entry", null)).contains("gateId"));
        assertTrue(invalid(store, new CameraSpec("a", "10.0.0.5", null, null, null, null, null, "side", "G1")).contains("gateRole"));
        assertEquals(0, store.list().size(), "nothing stored by refused input");
        // good ones: IPv4, DNS name, IPv6, a full URL; port 554 and path "/" by default
        assertEquals("rtsp://10.0.0.5:554/", store.add(new CameraSpec("A", "10.0.0.5", null, null, null, null, null, null, null)).url());
        assertEquals("rtsp://cam-1.gate.local:8554/stream1", store.add(host("B", "cam-1.gate.local", 8554)).url());
        assertEquals("rtsp://[fe80::1]:554/stream1", store.add(host("C", "fe80::1", null)).url());
        assertEquals("http://10.0.0.9/mjpg/video.mjpg",
                store.add(new CameraSpec("D", null, null, null, "http://10.0.0.9/mjpg/video.mjpg", null, null, null, null)).url());
    }

    @Test
    void passwordsAreSealedAtRestAndNeverShownBack(@TempDir Path dir) throws Exception {
        CameraStore store = new CameraStore(dir);
        CameraView cam = store.add(new CameraSpec("Gate 1 / entry", "10.0.0.5", 554, "/s1", null, "admin", "p@ss:w/rd",
                "entry", "G1"));
        assertEquals("gate-1-entry", cam.id());
        assertEquals("rtsp://admin:***@10.0.0.5:554/s1", cam.url());
        assertTrue(cam.hasPassword());
        assertFalse(Files.readString(dir.resolve("cameras.properties")).contains("p@ss"), "sealed in the file");
        assertEquals("rtsp://admin:p%40ss%3Aw%2Frd@10.0.0.5:554/s1", store.streamUrl(cam.id()), "decrypted, URL-encoded, for drivers only");
        // a second store on the same folder (a restart) reads it back with the same key
        assertEquals(store.streamUrl(cam.id()), new CameraStore(dir).streamUrl(cam.id()));

        // an update without a password keeps it; an empty one removes it
        store.update(cam.id(), new CameraSpec("Gate 1 / entry", "10.0.0.6", 554, "/s1", null, "admin", null, "entry", "G1"));
        assertEquals("rtsp://admin:p%40ss%3Aw%2Frd@10.0.0.6:554/s1", store.streamUrl(cam.id()));
        CameraView none = store.update(cam.id(), new CameraSpec("Gate 1 / entry", "10.0.0.6", 554, "/s1", null, "", "", null, null));
        assertFalse(none.hasPassword());
        assertNull(none.gateRole());
        assertEquals("rtsp://10.0.0.6:554/s1", store.streamUrl(cam.id()));
    }

    @Test
    void namesAreUniqueAndIdsSafeFolderNames(@TempDir Path dir) throws Exception {
        CameraStore store = new CameraStore(dir);
        assertEquals("lobby", store.add(host("Lobby", "10.0.0.5", null)).id());
        ParkirException dup = assertThrows(ParkirException.class, () -> store.add(host("LOBBY", "10.0.0.6", null)));
        assertEquals("camera_exists", dup.code());
        assertEquals("lobby-2", store.add(host("Lobby!", "10.0.0.7", null)).id(), "same slug, another name");
        assertEquals("camera", store.add(host("***", "10.0.0.8", null)).id());
        assertTrue(store.list().stream().allMatch(c -> c.id().matches("[a-z0-9][a-z0-9-]*")));
        store.remove("lobby");
        ParkirException gone = assertThrows(ParkirException.class, () -> store.get("lobby"));
        assertEquals("camera_not_found", gone.code());
        assertEquals(2, store.list().size());
    }
}
