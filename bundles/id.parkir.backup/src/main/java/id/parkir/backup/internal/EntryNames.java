package id.parkir.backup.internal;

import java.util.regex.Pattern;

/**
 * The names inside a backup archive. {@link #checkSafe} refuses what could reach outside the folder
 * an archive is unpacked into, whatever the archive is: absolute paths, drive letters, {@code ..},
 * backslashes, empty or dot segments, control characters. {@link #kind} places a name in the layout
 * of a Parkir backup:
 * <pre>
 * database/&lt;name&gt;/...            the Derby database, as its online backup wrote it
 * photos/yyyy/MM/dd/&lt;file&gt;        gate photos, as the image store keeps them
 * nvr/cameras.properties          the camera list (passwords sealed)
 * SHA256SUMS                      SHA-256 of every file above, in archive order (sha256sum -c reads it)
 * manifest.json                   what the backup is (format, version, time, counts, the SUMS' SHA-256)
 * </pre>
 */
final class EntryNames {
    static final String MANIFEST = "manifest.json";
    static final String SUMS = "SHA256SUMS";
    static final String CAMERAS = "nvr/cameras.properties";
    static final String DATABASE = "database/";
    static final String PHOTOS = "photos/";
    private static final int MAX_LENGTH = 400;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern PHOTO = Pattern.compile("photos/\\d{4}/\\d{2}/\\d{2}/[A-Za-z0-9._-]{1,128}");
    private static final Pattern DATABASE_FILE = Pattern.compile("database/[A-Za-z0-9._-]{1,128}(/[A-Za-z0-9._-]{1,128}){1,4}");

    enum Kind { MANIFEST, SUMS, DATABASE, PHOTO, CAMERAS, FOLDER, OTHER }

    private EntryNames() {
    }

    /** Refuses a name that could point anywhere but below the folder it is unpacked into. */
    static void checkSafe(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw Refusal.unsafe("an entry name is empty or longer than " + MAX_LENGTH + " characters");
        }
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        if (name.startsWith("/") || name.indexOf('\\') >= 0 || name.matches("^[A-Za-z]:.*") || name.indexOf(':') >= 0) {
            throw Refusal.unsafe("'" + shown + "' is an absolute path or holds a drive or backslash");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw Refusal.unsafe("'" + shown + "' holds control characters");
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                throw Refusal.unsafe("'" + shown + "' leads out of the folder (..)");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw Refusal.unsafe("'" + shown + "' has an empty or '.' part");
            }
        }
    }

    /** Where a (safe) name belongs in a Parkir backup; OTHER for anything a Parkir backup never holds. */
    static Kind kind(String name) {
        if (name.equals(MANIFEST)) {
            return Kind.MANIFEST;
        }
        if (name.equals(SUMS)) {
            return Kind.SUMS;
        }
        if (name.equals(CAMERAS)) {
            return Kind.CAMERAS;
        }
        if (name.endsWith("/")) {
            String p = name.substring(0, name.length() - 1);
            boolean ours = p.equals("database") || p.equals("photos") || p.equals("nvr") || p.startsWith(DATABASE) || p.startsWith(PHOTOS);
            return ours && segments(p) ? Kind.FOLDER : Kind.OTHER;
        }
        if (PHOTO.matcher(name).matches()) {
            return Kind.PHOTO;
        }
        if (DATABASE_FILE.matcher(name).matches()) {
            return Kind.DATABASE;
        }
        return Kind.OTHER;
    }

    private static boolean segments(String path) {
        for (String s : path.split("/")) {
            if (!SEGMENT.matcher(s).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The database folder a database entry belongs to ({@code database/<name>/...}). */
    static String databaseFolder(String name) {
        return name.substring(DATABASE.length(), name.indexOf('/', DATABASE.length()));
    }

    /** The path of a database entry below its database folder. */
    static String databasePath(String name) {
        return name.substring(name.indexOf('/', DATABASE.length()) + 1);
    }
}
