package id.parkir.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.anpr.Box;
import id.parkir.api.anpr.PlateMatching;
import org.junit.jupiter.api.Test;

class PlateMatchingTest {
    @Test
    void toleratesTheUsualConfusions() {
        assertTrue(PlateMatching.equivalent("B1234ABC", "B1234ABC"));
        assertTrue(PlateMatching.equivalent("B1234ABC", "81234A8C"));
        assertTrue(PlateMatching.equivalent("D1O5SZ", "01055Z"));
        assertTrue(PlateMatching.equivalent("AB5586UU", "AB5S86UU"));
        assertTrue(PlateMatching.equivalent("B1IZA", "8112A"));
    }

    @Test
    void differentPlatesDiffer() {
        assertFalse(PlateMatching.equivalent("B1234ABC", "B1235ABC"));
        assertFalse(PlateMatching.equivalent("B1234ABC", "B1234AB"));
        assertFalse(PlateMatching.equivalent(null, "B1"));
    }

    @Test
    void canonicalTextFoldsEveryLookAlikeClassToOneCharacter() {
        assertEquals("000011188225566", PlateMatching.canonical("0ODQ1IL8B2Z5S6G"));
        assertEquals("A8C", PlateMatching.canonical("ABC"));
        assertEquals("", PlateMatching.canonical(""));
        // equivalent plates have equal canonical texts, and only those
        assertEquals(PlateMatching.canonical("B1234ABC"), PlateMatching.canonical("81234A8C"));
        assertFalse(PlateMatching.canonical("B1234ABC").equals(PlateMatching.canonical("B1235ABC")));
        // a typed fragment is found inside a plate up to look-alikes
        assertTrue(PlateMatching.canonical("BG1508SO").contains(PlateMatching.canonical("8G15O8")));
    }

    @Test
    void boxOverlap() {
        assertEquals(1.0, new Box(0, 0, 10, 10).iou(new Box(0, 0, 10, 10)), 1e-9);
        assertEquals(0.0, new Box(0, 0, 10, 10).iou(new Box(20, 20, 5, 5)), 1e-9);
        assertEquals(25.0 / 175.0, new Box(0, 0, 10, 10).iou(new Box(5, 5, 10, 10)), 1e-9);
    }
}
