package id.parkir.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateTest {

    @ParameterizedTest
    @CsvSource({"B 1234 ABC, B1234ABC", "d 1-ab, D1AB", "AB 12 C, AB12C", "RI 1, RI1", "CD 12 34, CD1234",
            "L 5678 XYZ, L5678XYZ", "B.1234.AB, B1234AB"})
    void normalisesIndonesianPlates(String typed, String normalised) {
        assertEquals(normalised, Plate.parse(typed).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "ABC123", "B12345", "B1234ABCD", "B 12 34 56", "B 0123 AB", "'; DROP TABLE x;--", "B1234ÄB"})
    void rejectsWhatIsNotAPlate(String typed) {
        ParkirException e = assertThrows(ParkirException.class, () -> Plate.parse(typed));
        assertEquals(ParkirException.Kind.INVALID, e.kind());
        assertFalse(Plate.isValid(typed));
    }

    @ParameterizedTest
    @CsvSource({"1500, Rp1.500", "0, Rp0", "1000000, Rp1.000.000", "-2500, -Rp2.500"})
    void formatsRupiah(long amount, String text) {
        assertEquals(text, Rupiah.format(amount));
    }
}
