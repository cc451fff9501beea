package id.parkir.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketNumberTest {

    @Test
    void generatedNumbersParseAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String t = TicketNumber.generate();
            assertEquals(TicketNumber.LENGTH, t.length());
            assertEquals(t, TicketNumber.parse(t));
            assertTrue(seen.add(t), "duplicate " + t);
        }
    }

    @Test
    void everySingleMistypedCharacterIsRejected() {
        for (int n = 0; n < 200; n++) {
            String t = TicketNumber.generate();
            for (int pos = 0; pos < t.length(); pos++) {
                for (char c : TicketNumber.ALPHABET.toCharArray()) {
                    if (c == t.charAt(pos)) {
                        continue;
                    }
                    String typo = t.substring(0, pos) + c + t.substring(pos + 1);
                    assertThrows(ParkirException.class, () -> TicketNumber.parse(typo), typo);
                }
            }
        }
    }

    @Test
    void mostAdjacentSwapsAreRejected() {
        int swaps = 0;
        int caught = 0;
        for (int n = 0; n < 2000; n++) {
            String t = TicketNumber.generate();
            for (int pos = 0; pos + 1 < t.length(); pos++) {
                if (t.charAt(pos) == t.charAt(pos + 1)) {
                    continue;
                }
                String swapped = t.substring(0, pos) + t.charAt(pos + 1) + t.charAt(pos) + t.substring(pos + 2);
                swaps++;
                try {
                    TicketNumber.parse(swapped);
                } catch (ParkirException e) {
                    caught++;
                }
            }
        }
        assertTrue(caught > swaps * 0.9, caught + " of " + swaps + " swaps caught");
    }

    @Test
    void acceptsWhatCashiersTypeAndRejectsJunk() {
        String t = TicketNumber.generate();
        String typed = t.toLowerCase().substring(0, 5) + "-" + t.substring(5);
        assertEquals(t, TicketNumber.parse(" " + typed + " "));
        assertEquals("ticket_missing", assertThrows(ParkirException.class, () -> TicketNumber.parse("")).code());
        assertEquals("ticket_invalid", assertThrows(ParkirException.class, () -> TicketNumber.parse("ABC")).code());
        assertEquals("ticket_invalid", assertThrows(ParkirException.class,
                () -> TicketNumber.parse("' OR 1=1 --")).code());
    }

    @Test
    void neighboursDoNotReveal() {
        assertNotEquals(TicketNumber.generate().substring(0, 6), TicketNumber.generate().substring(0, 6));
    }
}
