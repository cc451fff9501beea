package id.parkir.nvr.internal;

import id.parkir.api.nvr.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recordings on disk: {@code <storage>/<YYYY-MM-DD>/<camera>/<HHmmss>.ts}. A segment's id is
 * {@code <YYYY-MM-DD>_<camera>_<HHmmss>}; ids are parsed strictly, so no id can name a file
 * outside the storage.
 */
final class SegmentFiles {
    static final String EXTENSION = ".ts";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CAMERA = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern FILE = Pattern.compile("(\\d{6})\\.ts");
    private static final Pattern ID = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})_([a-z0-9][a-z0-9-]{0,39})_(\\d{6})");
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");

    private final Path storage;
    private final ZoneId zone;

    SegmentFiles(Path storage, ZoneId zone) {
        this.storage = storage;
        this.zone = zone;
    }

    Path storage() {
        return storage;
    }

    /** A segment file on disk, with what its path says. */
    record Entry(Path file, String camera, Instant start, long bytes, Instant modified) {
        String id() {
            return file.getParent().getParent().getFileName() + "_" + camera + "_" + file.getFileName().toString().substring(0, 6);
        }
    }

    /** Every segment file with footage (empty files, opened in the instant of a crash, are left out), oldest first. */
    List<Entry> all(String camera) {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> dates = Files.isDirectory(storage) ? Files.list(storage) : Stream.empty()) {
            for (Path date : dates.filter(d -> DATE.matcher(d.getFileName().toString()).matches()).toList()) {
                LocalDate day;
                try {
                    day = LocalDate.parse(date.getFileName().toString());
                } catch (java.time.format.DateTimeParseException e) {
                    continue;
                }
                for (Path cam : list(date)) {
                    String name = cam.getFileName().toString();
                    if (CAMERA.matcher(name).matches() && (camera == null || name.equals(camera))) {
                        for (Path f : list(cam)) {
                            Matcher m = FILE.matcher(f.getFileName().toString());
                            if (m.matches()) {
                                entry(f, day, name, m.group(1)).ifPresent(entries::add);
                            }
                        }
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // the storage itself unreadable: nothing to list
        }
        entries.sort(Comparator.comparing(Entry::start).thenComparing(Entry::camera));
        return entries;
    }

    /** A folder's entries; none if it went away meanwhile (retention, an admin). */
    private static List<Path> list(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    private Optional<Entry> entry(Path f, LocalDate day, String camera, String hhmmss) {
        try {
            long size = Files.size(f);
            if (size == 0) {
                return Optional.empty();
            }
            LocalTime t = LocalTime.parse(hhmmss, HHMMSS);
            return Optional.of(new Entry(f, camera, day.atTime(t).atZone(zone).toInstant(), size,
                    Files.getLastModifiedTime(f).toInstant()));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The file an id names, if the id is well formed and the file exists. */
    Optional<Path> file(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Path f = storage.resolve(m.group(1)).resolve(m.group(2)).resolve(m.group(3) + EXTENSION).normalize();
        return f.startsWith(storage.normalize()) && Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    static Segment segment(Entry e, boolean recording) {
        return new Segment(e.id(), e.camera(), e.start(), recording ? Instant.now() : e.modified(), e.bytes(), recording);
    }
}
