package id.parkir.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void namesInAnyScriptAreClean() {
        assertTrue(Text.isClean("Siti Rahma"));
        assertTrue(Text.isClean("Lantai Dasar – Basement 1"));
        assertTrue(Text.isClean("入口 1"));
        assertTrue(Text.isClean("Café"), "a combining accent");
        assertTrue(Text.isClean("Gerbang \uD83D\uDE97")); // an emoji: a proper surrogate pair
    }

    @Test
    void hiddenAndRearrangingCharactersAreNot() {
        assertFalse(Text.isClean("a\u0000b"), "NUL");
        assertFalse(Text.isClean("line\nbreak"), "newline");
        assertFalse(Text.isClean("gate\u202E1-etag"), "right-to-left override");
        assertFalse(Text.isClean("ga\u2066te"), "isolate");
        assertFalse(Text.isClean("ad\u200Bmin"), "zero-width space");
        assertFalse(Text.isClean("\uFEFFname"), "byte order mark");
        assertFalse(Text.isClean("broken \uD83D"), "unpaired surrogate");
        assertFalse(Text.isClean("a\u2028b"), "line separator");
        assertFalse(Text.isClean("Gate 1\uDB40\uDC41"), "invisible tag character");
        assertFalse(Text.isClean("Gate\u3164"), "Hangul filler");
        assertFalse(Text.isClean("Gate\u00A01"), "no-break space");
        assertFalse(Text.isClean("e\u0301\u0301\u0301\u0301"), "a pile of combining marks");
        assertFalse(Text.isClean("\uE000"), "private use");
    }

    @Test
    void optionalTrimsBoundsAndNamesTheField() {
        assertNull(Text.optional("fullName", null, 10));
        assertEquals("Budi", Text.optional("fullName", "  Budi ", 10));
        ParkirException tooLong = assertThrows(ParkirException.class, () -> Text.optional("fullName", "x".repeat(11), 10));
        assertEquals("text_invalid", tooLong.code());
        assertTrue(tooLong.getMessage().startsWith("fullName"));
        assertEquals("text_invalid", assertThrows(ParkirException.class, () -> Text.optional("zone name", "A\u202EB", 10)).code());
    }
}
