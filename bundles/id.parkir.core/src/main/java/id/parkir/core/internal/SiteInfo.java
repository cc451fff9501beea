package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import id.parkir.api.Text;
import id.parkir.api.parking.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site as configured ({@code siteName}, {@code siteAddress}). Both are printed on tickets, so
 * they follow the text policy for what clients send; a value that breaks it is logged and replaced
 * by the default, because a typo in a name must not stop the gates.
 */
final class SiteInfo {
    static final String DEFAULT_NAME = "Parkir";
    static final int MAX_NAME = 64;
    static final int MAX_ADDRESS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SiteInfo.class);

    private SiteInfo() {
    }

    static Site of(CoreConfig config, DayBoundary boundary) {
        String name = clean("siteName", config.siteName(), MAX_NAME, DEFAULT_NAME);
        String address = clean("siteAddress", config.siteAddress(), MAX_ADDRESS, "");
        return new Site(name.isEmpty() ? DEFAULT_NAME : name, address, boundary.zone().getId(), config.dayBoundary().trim(),
                Site.CURRENCY);
    }

    private static String clean(String key, String value, int maxLength, String fallback) {
        try {
            String t = Text.optional(key, value, maxLength);
            return t == null ? fallback : t;
        } catch (ParkirException e) {
            LOG.error("etc/id.parkir.core.cfg: {}; using '{}' until it is mended", e.getMessage(), fallback);
            return fallback;
        }
    }
}
