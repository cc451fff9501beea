package id.parkir.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both dictionaries hold every text the UI asks for, with the same {placeholders}. */
class DictionaryTest {
    private static final Path WEB = Paths.get("src/main/resources/web");
    /** Quoted dotted names in the scripts ('entry.title'), minus storage keys and file names. */
    private static final Pattern JS_KEY = Pattern.compile("'([a-z]+(?:\\.[A-Za-z0-9_]+)+)'");
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-title|-placeholder)?=\"([^\"]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    /** Keys the scripts build from a value: each value they can take. */
    private static final List<String> DYNAMIC = List.of("type.motorcycle", "type.car", "type.truck", "type.bus",
            "role.admin", "role.operator", "exit.match.green", "exit.match.amber", "exit.match.red",
            "sessions.status.any", "sessions.status.inside", "sessions.status.paid", "sessions.status.overnight",
            "camera.state.recording", "camera.state.connecting", "camera.state.retrying", "camera.state.stopped", "camera.state.error",
            "cameras.role.none", "cameras.role.entry", "cameras.role.exit", "tariff.firstHour", "tariff.nextHour", "tariff.dailyMax",
            "tariff.graceMinutes", "tariff.overnight", "tariff.lostTicketFine");

    private static JsonNode dictionary(String lang) throws IOException {
        return new ObjectMapper().readTree(WEB.resolve("ui/i18n/" + lang + ".json").toFile());
    }

    private static Set<String> keys(JsonNode d) {
        Set<String> keys = new TreeSet<>();
        d.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        JsonNode id = dictionary("id");
        JsonNode en = dictionary("en");
        assertEquals(keys(id), keys(en), "keys differ between id.json and en.json");
        for (String key : keys(id)) {
            assertFalse(id.get(key).asText().isBlank(), "empty id text: " + key);
            assertFalse(en.get(key).asText().isBlank(), "empty en text: " + key);
            assertEquals(placeholders(id.get(key).asText()), placeholders(en.get(key).asText()), "placeholders of " + key);
        }
    }

    @Test
    void everyKeyTheUiUsesIsInBothDictionaries() throws IOException {
        Set<String> used = new TreeSet<>(DYNAMIC);
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(f);
                Matcher m = (f.toString().endsWith(".js") ? JS_KEY : HTML_KEY).matcher(text);
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.startsWith("parkir.") && !key.matches(".*\\.(js|json|css|jpg|png|svg|ts)")) {
                        used.add(key);
                    }
                }
            }
        }
        assertTrue(used.size() > 100, "the scan found the keys: " + used.size());
        for (String lang : List.of("id", "en")) {
            Set<String> have = keys(dictionary(lang));
            List<String> missing = new ArrayList<>(used);
            missing.removeAll(have);
            assertTrue(missing.isEmpty(), lang + ".json misses " + missing);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
