package id.parkir.shell.internal;

import java.io.IOException;
import org.apache.karaf.shell.api.console.Session;

/** A password from the command line or, when not given, typed at a hidden prompt. */
final class PasswordInput {
    private PasswordInput() {
    }

    static String read(Session session, String given, String prompt) throws IOException {
        if (given != null) {
            return given;
        }
        String typed = session.readLine(prompt, '*');
        if (typed == null || typed.isEmpty()) {
            throw new IllegalArgumentException("a password is required");
        }
        return typed;
    }
}
