package id.parkir.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.Actor;
import id.parkir.api.ParkirException;
import id.parkir.api.Role;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinksTest {
    private final Links links = new Links();
    private final Actor admin = new Actor("admin", Role.ADMIN, false);

    @Test
    void idsAre128RandomBitsInAnAddressSafeAlphabet() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String id = links.issue("playback", "x", admin, Duration.ofSeconds(60), 1).id;
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), id);
            seen.add(id);
        }
        assertEquals(500, seen.size());
    }

    @Test
    void aLinkOpensItsNumberOfTimesOneViewerAtATime() {
        Links.Grant g = links.issue("playback", "clip", admin, Duration.ofSeconds(60), 2);
        Links.Grant first = links.open("playback", g.id).orElseThrow();
        assertEquals("clip", first.what);
        assertTrue(links.open("playback", g.id).isEmpty(), "not while the first viewer watches");
        links.close(first);
        links.close(links.open("playback", g.id).orElseThrow());
        assertTrue(links.open("playback", g.id).isEmpty(), "used up");
    }

    @Test
    void anOpeningThatDidNotStreamIsGivenBack() {
        Links.Grant g = links.issue("live", "gate", admin, Duration.ofSeconds(30), 1);
        links.giveBack(links.open("live", g.id).orElseThrow());
        assertTrue(links.open("live", g.id).isPresent());
    }

    @Test
    void expiredForeignAndMalformedLinksOpenNothing() {
        Links.Grant expired = links.issue("live", "gate", admin, Duration.ZERO, 1);
        assertTrue(links.open("live", expired.id).isEmpty());
        Links.Grant live = links.issue("live", "gate", admin, Duration.ofSeconds(30), 1);
        assertTrue(links.open("playback", live.id).isEmpty(), "a live link does not play footage");
        for (String bad : new String[] {null, "", "../../etc/passwd", live.id + "x", live.id.substring(1)}) {
            assertTrue(links.open("live", bad).isEmpty(), bad);
        }
    }

    @Test
    void linksMadeInALoopAreRefusedBeyondTheCap() {
        for (int i = 0; i < Links.MAX_OUTSTANDING; i++) {
            links.issue("live", "gate", admin, Duration.ofSeconds(30), 1);
        }
        ParkirException e = org.junit.jupiter.api.Assertions.assertThrows(ParkirException.class,
                () -> links.issue("live", "gate", admin, Duration.ofSeconds(30), 1));
        assertEquals("too_many_links", e.code());
    }
}
