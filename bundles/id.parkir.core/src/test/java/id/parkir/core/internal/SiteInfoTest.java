package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.parkir.api.parking.Site;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class SiteInfoTest {
    private static Site site(String name, String address) {
        CoreConfig config = config(name, address);
        return SiteInfo.of(config, new DayBoundary(config.timeZone(), config.dayBoundary()));
    }

    @Test
    void defaultsAndConfiguredValues() {
        assertEquals(new Site("Parkir", "", "Asia/Jakarta", "00:00", "IDR"), site("Parkir", ""));
        Site mall = site("  Mal Kelapa Gading ", "Jl. Boulevard Raya No. 1, Jakarta Utara");
        assertEquals("Mal Kelapa Gading", mall.name());
        assertEquals("Jl. Boulevard Raya No. 1, Jakarta Utara", mall.address());
    }

    @Test
    void textThatWouldSpoilATicketFallsBackToTheDefault() {
        assertEquals("Parkir", site("Mal\u202Egnidag", "").name(), "direction override");
        assertEquals("Parkir", site("Mal\nKelapa", "").name(), "line break");
        assertEquals("Parkir", site("x".repeat(SiteInfo.MAX_NAME + 1), "").name(), "too long");
        assertEquals("Parkir", site("   ", "").name(), "blank");
        assertEquals("", site("Mal", "Jl. Satu\u200B").address(), "zero-width space");
        assertEquals("", site("Mal", "a".repeat(SiteInfo.MAX_ADDRESS + 1)).address());
        assertEquals("Mal", site("Mal", "Jl. Satu\u0000").name(), "a bad address leaves the name alone");
    }

    private static CoreConfig config(String name, String address) {
        return new CoreConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CoreConfig.class;
            }

            @Override
            public String timeZone() {
                return "Asia/Jakarta";
            }

            @Override
            public String dayBoundary() {
                return "00:00";
            }

            @Override
            public String tariffRule() {
                return "progressive";
            }

            @Override
            public String imageDir() {
                return "";
            }

            @Override
            public int maxImageBytes() {
                return 1;
            }

            @Override
            public long maxImagePixels() {
                return 1;
            }

            @Override
            public int quoteValidityMinutes() {
                return 15;
            }

            @Override
            public String siteName() {
                return name;
            }

            @Override
            public String siteAddress() {
                return address;
            }

            @Override
            public String initialZones() {
                return "";
            }
        };
    }
}
