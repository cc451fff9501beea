package id.parkir.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Archives a restore must refuse: any zip, a Parkir-looking one with chosen entries, a symbolic link patched in. */
final class Archives {
    private Archives() {
    }

    static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /** The given entries beside a manifest.json and SHA256SUMS, as a Parkir backup would hold them. */
    static Path parkirShaped(Path file, Map<String, byte[]> entries) throws IOException {
        Map<String, byte[]> all = new java.util.LinkedHashMap<>(entries);
        all.put("SHA256SUMS", new byte[0]);
        all.put("manifest.json", ("{\"format\":\"parkir-backup\",\"formatVersion\":1,\"id\":\"parkir-20261201-000000\"}")
                .getBytes(StandardCharsets.UTF_8));
        return zip(file, all);
    }

    /** A copy of an archive whose entry {@code name} is marked (Unix, central directory) as a symbolic link. */
    static byte[] symlink(byte[] zip, String name) {
        byte[] b = zip.clone();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = b.length - 46; i >= 0; i--) {
            if (buf.getInt(i) == 0x02014b50 && (buf.getShort(i + 28) & 0xFFFF) == n.length
                    && new String(b, i + 46, n.length, StandardCharsets.UTF_8).equals(name)) {
                buf.putShort(i + 4, (short) 0x031E); // made by Unix
                buf.putInt(i + 38, 0120777 << 16); // mode: a symbolic link
                return b;
            }
        }
        throw new IllegalArgumentException(name + " is not in the archive");
    }
}
