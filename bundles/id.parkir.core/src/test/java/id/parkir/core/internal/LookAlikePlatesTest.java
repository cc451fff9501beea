package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.parkir.core.internal.LookAlikePlates.Inside;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookAlikePlatesTest {
    private final List<Inside> lot = List.of(
            new Inside("BG1508SO", 1, 1_000),
            new Inside("B1234ABC", 2, 3_000),
            new Inside("D55XY", 3, 2_000),
            new Inside("AB5586UU", 4, 4_000),
            new Inside("Z2QG", 5, 5_000));

    private List<Long> find(String typed) {
        return LookAlikePlates.page(lot, typed, 0, 50).sessionIds();
    }

    @Test
    void findsPlatesThatDifferOnlyByLookAlikes() {
        assertEquals(List.of(1L), find("8G15O8"));     // B/8, O/0
        assertEquals(List.of(1L), find("1508S0"));     // O/0 the other way round
        assertEquals(List.of(2L), find("B1234A8C"));
        assertEquals(List.of(2L), find("81Z34"));      // 2/Z
        assertEquals(List.of(3L), find("DSS"));        // 5/S
        assertEquals(List.of(4L), find("AB5S86"));
        assertEquals(List.of(5L), find("22D6"));       // Z/2, Q/D, G/6
        assertEquals(List.of(5L), find("ZZOG"));
        assertEquals(List.of(2L), find("1Z3"));        // I/L/1 and Z/2 in one fragment
        assertEquals(List.of(2L), find("L234"));
    }

    @Test
    void stillFindsEveryExactFragmentAnywhereInThePlate() {
        assertEquals(List.of(2L), find("234"));
        assertEquals(List.of(3L), find("XY"));
        assertEquals(List.of(5L, 4L, 2L, 3L, 1L), find("")); // newest first
    }

    @Test
    void differentCharactersDoNotMatch() {
        assertEquals(List.of(), find("B1235"));
        assertEquals(List.of(), find("XYZW"));
        assertEquals(List.of(), find("BG1508SOX"));
        assertEquals(List.of(), find("7"));
    }

    @Test
    void pagesNewestFirstAndCountsEveryMatch() {
        List<Inside> many = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(new Inside("B" + i + "XY", i, i % 7 == 0 ? 500 : i)); // ties on the entry time
            many.add(new Inside("D" + i + "AA", 1000 + i, i));
        }
        LookAlikePlates.Matches first = LookAlikePlates.page(many, "8", 0, 50);
        assertEquals(120 + 21, first.total(), "every B plate (B = 8) and the 21 D plates with an 8");
        assertEquals(50, first.sessionIds().size());
        assertEquals(List.of(119L, 112L, 105L), first.sessionIds().subList(0, 3), "same time: the newer session first");
        LookAlikePlates.Matches last = LookAlikePlates.page(many, "8", 100, 50);
        assertEquals(41, last.sessionIds().size());
        assertEquals(List.of(), LookAlikePlates.page(many, "8", 200, 50).sessionIds());
    }
}
