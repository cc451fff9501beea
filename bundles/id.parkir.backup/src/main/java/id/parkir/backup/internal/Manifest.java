package id.parkir.backup.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import id.parkir.api.backup.BackupInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code manifest.json}, what a backup archive is: a Parkir backup ({@link #FORMAT}) of format
 * version {@link #VERSION}, its id, time, kind and author, the Parkir version that wrote it, the
 * database (product, folder name, schema version, rows per table), the photos (days, first day, files,
 * bytes), the camera list (included, and a fingerprint of the key that sealed its passwords, never the
 * key), and the SHA-256 of {@code SHA256SUMS}, which holds the SHA-256 of every other file.
 */
record Manifest(String format, int formatVersion, String id, String createdAt, String kind, String createdBy,
                String parkirVersion, Database database, Photos photos, Cameras cameras, long files, long bytes,
                Sums checksums) {
    static final String FORMAT = "parkir-backup";
    static final int VERSION = 1;
    static final int MAX_BYTES = 1 << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_]{1,128}");
    /** Parkir's JSON files: unknown fields ignored (newer writers), instants as ISO-8601 text. */
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule("parkir-instants").addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }));

    record Database(String product, String name, String schemaVersion, Map<String, Long> counts) {
    }

    record Photos(int days, String from, long files, long bytes) {
    }

    record Cameras(boolean included, String keyId) {
    }

    record Sums(String file, String sha256) {
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("manifest not written", e);
        }
    }

    /** Reads and checks a manifest from an archive (untrusted): a foreign or malformed one is refused. */
    static Manifest parse(byte[] json) {
        Manifest m;
        try {
            m = JSON.readValue(json, Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw Refusal.foreign("its manifest.json cannot be read");
        }
        if (m == null || !FORMAT.equals(m.format())) {
            throw Refusal.foreign("its manifest.json does not describe a Parkir backup");
        }
        if (m.formatVersion() < 1) {
            throw Refusal.invalid("its manifest has no format version");
        }
        if (m.formatVersion() > VERSION) {
            throw Refusal.incompatible("it was written in backup format " + m.formatVersion() + " by a newer Parkir ("
                    + m.parkirVersion() + "); this server reads format " + VERSION + ": upgrade it first");
        }
        if (m.id() == null || !BackupFiles.isId(m.id())) {
            throw Refusal.invalid("its manifest has no valid backup id");
        }
        try {
            Instant.parse(String.valueOf(m.createdAt()));
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("its manifest has no valid time");
        }
        Database d = m.database();
        if (d == null || d.counts() == null || d.counts().isEmpty() || d.name() == null || d.schemaVersion() == null
                || !d.schemaVersion().matches("\\d{1,6}(\\.\\d{1,6}){0,3}")) {
            throw Refusal.invalid("its manifest does not describe its database");
        }
        for (Map.Entry<String, Long> c : d.counts().entrySet()) {
            if (!TABLE.matcher(c.getKey()).matches() || c.getValue() == null || c.getValue() < 0) {
                throw Refusal.invalid("its manifest's row counts are malformed");
            }
        }
        if (m.checksums() == null || !EntryNames.SUMS.equals(m.checksums().file())
                || m.checksums().sha256() == null || !SHA256.matcher(m.checksums().sha256()).matches()) {
            throw Refusal.invalid("its manifest carries no checksums");
        }
        return m;
    }

    static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    /** The backup as the API lists it. */
    BackupInfo info(long sizeBytes, long millis, boolean copied) {
        return new BackupInfo(id, created(), kind, createdBy, sizeBytes, database.counts(), photos == null ? 0 : photos.days(),
                photos == null ? 0 : photos.files(), cameras != null && cameras.included(), database.schemaVersion(),
                parkirVersion, millis, copied);
    }

    Instant created() {
        return Instant.parse(createdAt);
    }

    /** Dotted schema versions compared part by part as numbers ("10" after "9"). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
