package id.parkir.api;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Ticket numbers: nine random characters of Crockford's base-32 alphabet (no I, L, O, U) and one
 * check character (Luhn mod 32). 45 random bits make a ticket unguessable from its neighbours; the
 * check character rejects every single mistyped character and most swapped neighbours instead of
 * matching another vehicle.
 */
public final class TicketNumber {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int RANDOM_LENGTH = 9;
    public static final int LENGTH = RANDOM_LENGTH + 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketNumber() {
    }

    /** A new random ticket number with its check character. */
    public static String generate() {
        StringBuilder body = new StringBuilder(LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return body.append(checkCharacter(body)).toString();
    }

    /**
     * Normalises what was scanned or typed (case, spaces, dashes, and Crockford's look-alikes
     * O→0, I/L→1) and verifies the check character.
     *
     * @throws ParkirException {@code ticket_invalid} when the syntax or check character is wrong
     */
    public static String parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw ParkirException.invalid("ticket_missing", "ticket is required");
        }
        if (typed.length() > 32) {
            throw ParkirException.invalid("ticket_invalid", "ticket number is too long");
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != LENGTH) {
            throw ParkirException.invalid("ticket_invalid", "ticket number must have " + LENGTH + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                throw ParkirException.invalid("ticket_invalid", "ticket number contains '" + s.charAt(i) + "'");
            }
        }
        if (checkCharacter(s.substring(0, RANDOM_LENGTH)) != s.charAt(RANDOM_LENGTH)) {
            throw ParkirException.invalid("ticket_check_failed", "ticket number " + s
                    + " fails its check character: please re-type or scan it again");
        }
        return s;
    }

    /** Luhn mod N over the base-32 alphabet. */
    static char checkCharacter(CharSequence body) {
        int n = ALPHABET.length();
        int factor = 2;
        int sum = 0;
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }
}
