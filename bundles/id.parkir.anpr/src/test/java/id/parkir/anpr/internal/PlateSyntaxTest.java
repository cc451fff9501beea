package id.parkir.anpr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlateSyntaxTest {
    /** A candidate the classifier is sure about. */
    private static double[] sure(char c) {
        double[] p = new double[36];
        java.util.Arrays.fill(p, 0.001);
        p[CharClassifier.CLASSES.indexOf(c)] = 0.96;
        return p;
    }

    /** A candidate split between two look-alikes, the first slightly ahead. */
    private static double[] torn(char a, char b) {
        double[] p = new double[36];
        java.util.Arrays.fill(p, 0.001);
        p[CharClassifier.CLASSES.indexOf(a)] = 0.5;
        p[CharClassifier.CLASSES.indexOf(b)] = 0.45;
        return p;
    }

    private static double[] noise() {
        double[] p = new double[36];
        java.util.Arrays.fill(p, 0.01);
        return p;
    }

    @Test
    void readsAValidPlate() {
        double[][] row = {sure('B'), sure('1'), sure('2'), sure('3'), sure('4'), sure('A'), sure('B'), sure('C')};
        PlateSyntax.Reading r = PlateSyntax.best(row, PlateSyntax.Mode.INDONESIA);
        assertEquals("B1234ABC", r.text());
        assertTrue(r.confidence() > 0.9);
    }

    @Test
    void positionsResolveLookAlikes() {
        // "8" where a region letter must be is read as B; "O" among the digits as 0; "Z" there as 2
        double[][] row = {torn('8', 'B'), sure('1'), torn('O', '0'), torn('Z', '2'), sure('5'), sure('X')};
        assertEquals("B1025X", PlateSyntax.best(row, PlateSyntax.Mode.INDONESIA).text());
    }

    @Test
    void dropsJunkAtTheEnds() {
        double[][] row = {noise(), sure('D'), sure('5'), sure('5'), sure('X'), sure('Y'), noise()};
        PlateSyntax.Reading r = PlateSyntax.best(row, PlateSyntax.Mode.INDONESIA);
        assertEquals("D55XY", r.text());
        assertEquals(1, r.first());
        assertEquals(5, r.last());
    }

    @Test
    void firstDigitIsNeverZeroAndAnyModeReadsFreely() {
        double[][] row = {sure('B'), torn('0', '8'), sure('1'), sure('K')};
        assertEquals("B81K", PlateSyntax.best(row, PlateSyntax.Mode.INDONESIA).text());
        assertEquals("B01K", PlateSyntax.best(row, PlateSyntax.Mode.ANY).text());
    }

    @Test
    void lettersOnlyIsNoPlate() {
        double[][] row = {sure('H'), sure('O'), sure('N'), sure('D'), sure('A')};
        PlateSyntax.Reading r = PlateSyntax.best(row, PlateSyntax.Mode.INDONESIA);
        // the best it can do forces a digit: far less confident than a real plate
        assertTrue(r == null || r.confidence() < 0.5, r == null ? "null" : r.text());
        assertNull(PlateSyntax.best(new double[][] {sure('1')}, PlateSyntax.Mode.INDONESIA), "one character is no plate");
    }

    @Test
    void aFrameEdgeReadAsILosesToAKnownRegion() {
        // the left frame edge reads as a confident "I": "IB" is no region code, "B" is
        double[][] row = {sure('I'), sure('B'), sure('2'), sure('6'), sure('3'), sure('4'), sure('U'), sure('Z')};
        assertEquals("B2634UZ", PlateSyntax.best(row, PlateSyntax.Mode.INDONESIA).text());
        // an unknown region still reads when nothing better fits
        double[][] unknown = {sure('Q'), sure('X'), sure('7'), sure('7')};
        assertEquals("QX77", PlateSyntax.best(unknown, PlateSyntax.Mode.INDONESIA).text());
    }

    @Test
    void aBarAtTheEndIsDroppedOnlyWhenItLooksLikeTheFrame() {
        double[][] row = {sure('N'), sure('1'), sure('5'), sure('2'), sure('4'), sure('S'), sure('Y'), sure('I')};
        double[] plain = new double[row.length];
        java.util.Arrays.fill(plain, PlateSyntax.NOT_CHAR);
        assertEquals("N1524SYI", PlateSyntax.best(row, plain, PlateSyntax.Mode.INDONESIA).text(), "a real I is kept");
        double[] frame = plain.clone();
        frame[row.length - 1] = PlateSyntax.BAR_NOT_CHAR;
        assertEquals("N1524SY", PlateSyntax.best(row, frame, PlateSyntax.Mode.INDONESIA).text());
    }
}
