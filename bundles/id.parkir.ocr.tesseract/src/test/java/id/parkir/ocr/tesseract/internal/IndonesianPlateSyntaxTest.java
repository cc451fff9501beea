package id.parkir.ocr.tesseract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IndonesianPlateSyntaxTest {
    @Test
    void validReadingsStayAsTheyAre() {
        for (String s : new String[] {"B1234ABC", "D1A", "AB5586UU", "RI1", "CD1234", "L1840AA", "B9374RI"}) {
            assertEquals(s, IndonesianPlateSyntax.correct(s));
        }
    }

    @Test
    void lookAlikesAreSwappedWhereTheSyntaxWantsTheOtherKind() {
        assertEquals("L1588OO", IndonesianPlateSyntax.correct("L158800"));
        assertEquals("W1185ZO", IndonesianPlateSyntax.correct("W118520"));
        assertEquals("B5140BCD", IndonesianPlateSyntax.correct("BS140BCD"));
        assertEquals("W1236VZ", IndonesianPlateSyntax.correct("W1236V2"));
    }

    @Test
    void aFrameEdgeReadAsIOrOneIsDropped() {
        assertEquals("B2026BU", IndonesianPlateSyntax.correct("IB2026BU"));
        assertEquals("B1246KRK", IndonesianPlateSyntax.correct("1B1246KRKI"));
        assertEquals("L1840AA", IndonesianPlateSyntax.correct("IL1840AA"));
    }

    @Test
    void whatFitsNoWayIsLeftAlone() {
        assertEquals("9840VU", IndonesianPlateSyntax.correct("9840VU"));
        assertEquals("", IndonesianPlateSyntax.correct(""));
        assertEquals("ABCDEFGHIJKLMN", IndonesianPlateSyntax.correct("ABCDEFGHIJKLMN"));
    }

    @Test
    void normalisationKeepsUpperCaseLettersAndDigits() {
        assertEquals("B1234ABC", TesseractPlateReader.normalise(" b 1234-abc\n"));
        assertEquals("", TesseractPlateReader.normalise(null));
        assertEquals("", TesseractPlateReader.normalise(" .,\n"));
    }
}
