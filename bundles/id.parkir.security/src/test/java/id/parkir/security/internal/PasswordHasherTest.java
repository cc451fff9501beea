package id.parkir.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.ParkirException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String stored = hasher.hash("rahasia123");
        assertTrue(stored.startsWith("pbkdf2-sha256$10000$"));
        assertTrue(hasher.verify("rahasia123", stored));
        assertFalse(hasher.verify("rahasia124", stored));
        assertFalse(hasher.verify("rahasia123", "plain"));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same-password1"), hasher.hash("same-password1"));
    }

    @Test
    void honoursTheIterationCountStoredInTheHash() {
        String weaker = new PasswordHasher(20_000).hash("rahasia123");
        assertTrue(hasher.verify("rahasia123", weaker));
    }

    @Test
    void refusesTooFewIterations() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(1000));
    }

    @Test
    void policyExplainsWhatIsWrong() {
        PasswordPolicy policy = new PasswordPolicy(8, true);
        assertEquals("password_too_short", assertThrows(ParkirException.class, () -> policy.check("budi", "a1")).code());
        assertEquals("password_too_simple", assertThrows(ParkirException.class, () -> policy.check("budi", "abcdefghij")).code());
        assertEquals("password_contains_username",
                assertThrows(ParkirException.class, () -> policy.check("budi", "budi12345")).code());
        policy.check("budi", "Parkir2026");
    }
}
