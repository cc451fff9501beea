package id.parkir.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void keepsTheNewestOfEachOfTheLastDaysAndMonths() {
        List<String> ids = new ArrayList<>(List.of(
                "parkir-20261201-023000", "parkir-20261130-150000-2", "parkir-20261130-150000", "parkir-20261130-023000",
                "parkir-20261129-023000", "parkir-20261120-023000", "parkir-20261031-023000", "parkir-20261001-023000",
                "parkir-20260915-023000", "parkir-20250101-023000"));
        // 3 days: 1 Dec, the newest of 30 Nov (-2), 29 Nov; 3 months: Dec (1 Dec), Nov (30 Nov -2), Oct (31 Oct)
        assertEquals(List.of("parkir-20261130-150000", "parkir-20261130-023000", "parkir-20261120-023000",
                "parkir-20261001-023000", "parkir-20260915-023000", "parkir-20250101-023000"), Retention.toDelete(ids, 3, 3));
        assertEquals(List.of(), Retention.toDelete(ids, 0, 0), "0 and 0 keep everything");
        assertEquals(ids.subList(1, ids.size()), Retention.toDelete(ids, 1, 0));
        // days without backups do not use up the days kept
        assertEquals(List.of("parkir-20261130-150000", "parkir-20261130-023000"), Retention.toDelete(ids, 100, 0));
    }

    @Test
    void idsAreOrderedNewestFirstAndTheirTimeIsRead() {
        assertEquals("2026-11-30T15:00", BackupFiles.timeOf("parkir-20261130-150000-2").toString());
    }
}
