package id.parkir.nvr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentFilesTest {
    @Test
    void segmentsAreReadFromTheFolderLayoutAndIdsCannotLeaveTheStorage(@TempDir Path root) throws Exception {
        Path storage = root.resolve("recordings");
        Path day = storage.resolve("2026-11-22/gate-1");
        Files.createDirectories(day);
        Files.write(day.resolve("080000.ts"), new byte[1880]);
        Files.write(day.resolve("080500.ts"), new byte[188]);
        Files.write(day.resolve("081000.ts"), new byte[0]); // opened at the instant of a crash
        Files.write(day.resolve("notes.txt"), new byte[10]);
        Files.createDirectories(storage.resolve("2026-11-22/Bad Name"));
        Files.write(storage.resolve("2026-11-22/Bad Name/080000.ts"), new byte[188]);
        Files.write(root.resolve("secret.ts"), new byte[188]);

        SegmentFiles files = new SegmentFiles(storage, ZoneId.of("Asia/Jakarta"));
        List<SegmentFiles.Entry> all = files.all(null);
        assertEquals(2, all.size(), all.toString());
        assertEquals("2026-11-22_gate-1_080000", all.get(0).id());
        assertEquals(Instant.parse("2026-11-22T01:00:00Z"), all.get(0).start(), "08:00 in Jakarta is 01:00 UTC");
        assertEquals(1880, all.get(0).bytes());
        assertEquals(0, files.all("other").size());

        assertEquals(day.resolve("080000.ts"), files.file("2026-11-22_gate-1_080000").orElseThrow());
        for (String evil : List.of("../secret", "2026-11-22_.._000000", "2026-11-22_gate-1_080000/../../secret",
                "2026-11-22_gate-1_081000x", "", "2026-11-22_gate-1_999999")) {
            assertTrue(files.file(evil).isEmpty(), evil);
        }
        assertTrue(files.file(null).isEmpty());
    }
}
