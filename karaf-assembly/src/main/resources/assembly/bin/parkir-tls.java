/*
 * Parkir: makes the server's self-signed HTTPS certificate. bin/setenv runs it with the JDK's source
 * launcher before the server's JVM starts, when the keystore does not exist yet (first start):
 *
 *     java bin/parkir-tls.java <parkir-data>/tls
 *
 * It writes into that folder (made readable by its owner only):
 *   keystore.password  a random password (owner only, 0600), read by bin/setenv into PARKIR_TLS_PASSWORD
 *   keystore.p12       PKCS12, alias "parkir": an RSA 2048 key and its self-signed certificate (SHA-256,
 *                      10 years) for this machine's host name, FQDN, localhost, 127.0.0.1, ::1 and every
 *                      other address of its interfaces (subjectAltName); owner only, 0600
 *   parkir.crt         the certificate alone (PEM), to be trusted on the gate PCs (README, "HTTPS")
 * The keystore comes last, by an atomic rename: when it exists, it is complete and its password is beside
 * it. An existing keystore is never replaced; delete the folder to have a new certificate made.
 * The key is made by the JDK's keytool (nothing is downloaded); the password reaches it in its environment,
 * never on a command line.
 */
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

public class ParkirTls {
    static final String ALIAS = "parkir";
    static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java parkir-tls.java <folder of the keystore>");
            System.exit(2);
        }
        try {
            create(Path.of(args[0]).toAbsolutePath());
        } catch (Exception e) {
            System.err.println("Parkir: no HTTPS certificate made: " + e);
            System.exit(1);
        }
    }

    static void create(Path dir) throws Exception {
        Files.createDirectories(dir);
        ownerOnly(dir, "rwx------");
        Path keystore = dir.resolve("keystore.p12");
        try (FileChannel lockFile = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            if (Files.exists(keystore)) {
                return; // made meanwhile by another start
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

            Path passwordTmp = newOwnerOnlyFile(dir, ".password-");
            Files.writeString(passwordTmp, password + "\n", StandardCharsets.US_ASCII);
            Files.move(passwordTmp, dir.resolve("keystore.password"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            Names names = names();
            Path keystoreTmp = dir.resolve(".keystore-" + System.nanoTime() + ".p12");
            try {
                String dname = "CN=" + names.commonName + ", O=Parkir";
                if (!keytool(keystoreTmp, password, dname, names.subjectAltName())) {
                    // a name or address keytool refuses must not leave the server without HTTPS
                    Files.deleteIfExists(keystoreTmp);
                    Names minimal = new Names("localhost");
                    if (!keytool(keystoreTmp, password, dname, minimal.subjectAltName())) {
                        throw new IOException("keytool failed");
                    }
                    names = minimal;
                }
                ownerOnly(keystoreTmp, "rw-------");
                X509Certificate cert = certificate(keystoreTmp, password);
                Path pem = dir.resolve("parkir.crt");
                Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                        + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
                Files.move(keystoreTmp, keystore, StandardCopyOption.ATOMIC_MOVE);
                String sha256 = HexFormat.ofDelimiter(":").withUpperCase()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
                System.out.println("Parkir: made a self-signed HTTPS certificate for " + String.join(", ", names.all())
                        + "\n        in " + dir + " (SHA-256 " + sha256 + ")");
            } finally {
                Files.deleteIfExists(keystoreTmp);
            }
        }
    }

    /** Runs keytool -genkeypair; true when it made the keystore. */
    static boolean keytool(Path keystore, String password, String dname, String san) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows") ? "keytool.exe" : "keytool");
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-genkeypair", "-noprompt",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass:env", "PARKIR_TLS_NEW_PASSWORD",
                "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                // valid from yesterday: a gate PC whose clock is a little behind must not see it "not yet valid"
                "-startdate", "-1d", "-validity", "3650", "-dname", dname,
                "-ext", "SAN=" + san, "-ext", "EKU=serverAuth", "-ext", "KU=digitalSignature,keyEncipherment")
                .redirectErrorStream(true);
        pb.environment().put("PARKIR_TLS_NEW_PASSWORD", password);
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        if (p.exitValue() != 0) {
            System.err.println("Parkir: keytool: " + out.toString(StandardCharsets.UTF_8).strip());
            return false;
        }
        return true;
    }

    static X509Certificate certificate(Path keystore, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        return (X509Certificate) ks.getCertificate(ALIAS);
    }

    /** The names and addresses the certificate is for. */
    static final class Names {
        final String commonName;
        final Set<String> dns = new LinkedHashSet<>();
        final Set<String> ips = new LinkedHashSet<>();

        Names(String commonName) {
            this.commonName = commonName;
            dns.add("localhost");
            ips.add("127.0.0.1");
            ips.add("::1");
        }

        String subjectAltName() {
            List<String> san = new ArrayList<>();
            dns.forEach(d -> san.add("dns:" + d));
            ips.forEach(ip -> san.add("ip:" + ip));
            return String.join(",", san);
        }

        List<String> all() {
            List<String> all = new ArrayList<>(dns);
            all.addAll(ips);
            return all;
        }
    }

    static Names names() {
        String host = hostName();
        Names names = new Names(host != null ? host : "localhost");
        if (host != null) {
            names.dns.add(host);
            if (host.contains(".")) {
                names.dns.add(host.substring(0, host.indexOf('.'))); // the short name too
            }
            // the FQDN (a lookup: bounded, a LAN without a name server must not stall the start)
            String fqdn = withTimeout(() -> InetAddress.getByName(host).getCanonicalHostName(), 5);
            if (fqdn != null && fqdn.contains(".") && DNS_NAME.matcher(fqdn).matches()
                    && !fqdn.toLowerCase(Locale.ROOT).startsWith("localhost") && !isAddressLiteral(fqdn)) {
                names.dns.add(fqdn);
            }
        }
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (!a.isLoopbackAddress()) {
                        // without an IPv6 scope (%eth0): a certificate names the address alone
                        names.ips.add(InetAddress.getByAddress(a.getAddress()).getHostAddress());
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("Parkir: the machine's addresses could not be listed (" + e + "); the certificate names localhost only");
        }
        return names;
    }

    /** The machine's host name, without a name lookup where the system says it; null if it is not a valid DNS name. */
    static String hostName() {
        String host = null;
        try {
            Path proc = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(proc)) {
                host = Files.readString(proc).strip();
            }
        } catch (IOException | RuntimeException ignored) {
            // below
        }
        if (host == null || host.isEmpty()) {
            host = System.getenv("COMPUTERNAME");
        }
        if (host == null || host.isEmpty()) {
            host = withTimeout(() -> InetAddress.getLocalHost().getHostName(), 5);
        }
        return host != null && DNS_NAME.matcher(host).matches() && !isAddressLiteral(host) ? host.toLowerCase(Locale.ROOT) : null;
    }

    static boolean isAddressLiteral(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    static <T> T withTimeout(Callable<T> call, int seconds) {
        FutureTask<T> task = new FutureTask<>(call);
        Thread t = new Thread(task, "parkir-tls-lookup");
        t.setDaemon(true);
        t.start();
        try {
            return task.get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    static Path newOwnerOnlyFile(Path dir, String prefix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, prefix, ".tmp");
        }
    }

    static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }
}
