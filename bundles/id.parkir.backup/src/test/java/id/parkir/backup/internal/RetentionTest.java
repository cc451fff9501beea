package id.parkir.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final LocalDateTime LATER = LocalDateTime.of(2026, 12, 5, 0, 0);

    @Test
    void keepsTheNewestOfEachOfTheLastDaysAndMonths() {
        List<String> ids = new ArrayList<>(List.of(
                "parkir-20261201-023000", "parkir-20261130-150000-2", "parkir-20261130-150000", "parkir-20261130-023000",
                "parkir-20261129-023000", "parkir-20261120-023000", "parkir-20261031-023000", "parkir-20261001-023000",
                "parkir-20260915-023000", "parkir-20250101-023000"));
        // 3 days: 1 Dec, the newest of 30 Nov (-2), 29 Nov; 3 months: Dec (1 Dec), Nov (30 Nov -2), Oct (31 Oct)
        assertEquals(List.of("parkir-20261130-150000", "parkir-20261130-023000", "parkir-20261120-023000",
                "parkir-20261001-023000", "parkir-20260915-023000", "parkir-20250101-023000"), Retention.toDelete(ids, 3, 3, LATER));
        assertEquals(List.of(), Retention.toDelete(ids, 0, 0, LATER), "0 and 0 keep everything");
        assertEquals(ids.subList(1, ids.size()), Retention.toDelete(ids, 1, 0, LATER));
        // days without backups do not use up the days kept
        assertEquals(List.of("parkir-20261130-150000", "parkir-20261130-023000"), Retention.toDelete(ids, 100, 0, LATER));
    }

    @Test
    void everyBackupOfTheLast24HoursIsKept() {
        List<String> ids = List.of("parkir-20261201-110000", "parkir-20261201-100000", "parkir-20261130-120000",
                "parkir-20261130-090000", "parkir-20261129-023000");
        // at 11:30 on 1 Dec: both of 1 Dec and the noon one of 30 Nov are younger than a day
        assertEquals(List.of("parkir-20261130-090000", "parkir-20261129-023000"),
                Retention.toDelete(ids, 1, 0, LocalDateTime.of(2026, 12, 1, 11, 30)));
    }

    @Test
    void idsAreOrderedNewestFirstAndTheirTimeIsRead() {
        assertEquals("2026-11-30T15:00", BackupFiles.timeOf("parkir-20261130-150000-2").toString());
    }
}
