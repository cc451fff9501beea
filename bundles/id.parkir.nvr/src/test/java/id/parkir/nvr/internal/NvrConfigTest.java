package id.parkir.nvr.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NvrConfigTest {
    /** The config as Config Admin would give it: the defaults, with some keys set. */
    static NvrConfig config(Map<String, Object> set) {
        return (NvrConfig) Proxy.newProxyInstance(NvrConfig.class.getClassLoader(), new Class<?>[] {NvrConfig.class},
                (proxy, method, args) -> set.containsKey(method.getName()) ? set.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void theShippedDefaultsAreValid() {
        assertDoesNotThrow(() -> NvrRecorder.check(config(Map.of())));
    }

    @Test
    void wrongSettingsAreNamedWithWhatToChange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NvrRecorder.check(config(Map.of(
                "segmentSeconds", 5, "retentionDays", -1, "minFreeDiskPercent", 95, "timeZone", "Mars/Olympus", "storage", "relative/dir"))));
        String m = e.getMessage();
        for (String key : new String[] {"etc/id.parkir.nvr.cfg", "segmentSeconds must be 10-3600, not 5", "retentionDays", "minFreeDiskPercent",
            "Mars/Olympus", "absolute path"}) {
            assertTrue(m.contains(key), key + " in: " + m);
        }
        assertThrows(IllegalArgumentException.class, () -> NvrRecorder.check(config(Map.of("maxStorageGb", -1.0))));
        assertThrows(IllegalArgumentException.class, () -> NvrRecorder.check(config(Map.of("stallSeconds", 1))));
        assertThrows(IllegalArgumentException.class, () -> NvrRecorder.check(config(Map.of("maxPlaybacks", 0))));
        assertThrows(IllegalArgumentException.class, () -> NvrRecorder.check(config(Map.of("maxPlaybackMinutes", 241))));
    }
}
