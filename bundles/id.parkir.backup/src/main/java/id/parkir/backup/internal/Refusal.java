package id.parkir.backup.internal;

import id.parkir.api.ParkirException;

/** Why an archive is refused (400, nothing changed); each reason has its own code. */
final class Refusal {
    private Refusal() {
    }

    /** Not a zip, cut short, or its structure broken. */
    static ParkirException invalid(String message) {
        return ParkirException.invalid("backup_invalid", "the archive cannot be used: " + message);
    }

    /** A zip, but not a Parkir backup. */
    static ParkirException foreign(String message) {
        return ParkirException.invalid("backup_foreign", "this is not a Parkir backup: " + message);
    }

    /** Paths out of the folder, links, encryption, or sizes and counts that would fill the disk or memory. */
    static ParkirException unsafe(String message) {
        return ParkirException.invalid("backup_unsafe", "the archive is refused as unsafe: " + message);
    }

    /** A file whose content is not what the manifest says (damaged in transfer or on disk, or altered). */
    static ParkirException checksum(String message) {
        return ParkirException.invalid("backup_checksum_mismatch", "the archive is damaged: " + message);
    }

    /** A Parkir backup this server cannot take (a newer format or schema, another database). */
    static ParkirException incompatible(String message) {
        return ParkirException.invalid("backup_incompatible", "this backup cannot be restored here: " + message);
    }
}
