package id.parkir.it;

import static id.parkir.it.ParkirServer.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * HTTPS by default (README, "HTTPS"): the first start makes a self-signed certificate for the
 * machine in parkir-data/tls (owner-only files), HTTPS answers on every interface with it, plain
 * HTTP answers on 127.0.0.1 only, neither a restart nor {@code bin/karaf clean} makes a new one, and a
 * keystore that cannot be opened turns HTTPS off, not the server.
 * The client trusts exactly the server's own certificate, read from its keystore.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpsIT {
    private ParkirServer server;
    private Path tls;
    private X509Certificate certificate;
    private HttpClient trusting;

    @BeforeAll
    void boot() throws Exception {
        server = ParkirServer.unpack("https");
        tls = server.home.resolve("parkir-data/tls");
        assertFalse(Files.exists(tls), "a fresh distribution carries no certificate");
        server.start();
    }

    @AfterAll
    void shutdown() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theFirstStartMakesAnOwnerOnlyKeystoreBesideTheDatabase() throws Exception {
        Path keystore = tls.resolve("keystore.p12");
        Path password = tls.resolve("keystore.password");
        assertTrue(Files.isRegularFile(keystore) && Files.isRegularFile(password), "keystore and password in " + tls);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));

        String secret = Files.readString(password).strip();
        assertTrue(secret.length() >= 24, "a long random password");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, secret.toCharArray());
        }
        assertEquals(List.of("parkir"), Collections.list(ks.aliases()));
        assertTrue(ks.isKeyEntry("parkir"));
        certificate = (X509Certificate) ks.getCertificate("parkir");

        // the PEM beside it, for the gate PCs, is the same certificate
        try (InputStream in = Files.newInputStream(tls.resolve("parkir.crt"))) {
            assertEquals(certificate, CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        trusting = clientTrusting(certificate);
    }

    @Test
    @Order(2)
    void httpsAnswersWithTheSelfSignedCertificateForTheMachinesNames() throws Exception {
        // self-signed, for a server, not a CA (trusting it on a gate PC vouches for this server only)
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        certificate.verify(certificate.getPublicKey());
        assertEquals(-1, certificate.getBasicConstraints());
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");

        Set<String> dns = new HashSet<>();
        Set<InetAddress> ips = new HashSet<>();
        for (List<?> san : certificate.getSubjectAlternativeNames()) {
            if ((Integer) san.get(0) == 2) {
                dns.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
            } else if ((Integer) san.get(0) == 7) {
                ips.add(InetAddress.getByName((String) san.get(1)));
            }
        }
        System.out.println("certificate: " + certificate.getSubjectX500Principal() + ", DNS " + dns + ", IP " + ips);
        assertTrue(dns.contains("localhost"), "localhost in " + dns);
        String host = hostName();
        assertTrue(dns.contains(host), "the host name " + host + " in " + dns);
        assertTrue(ips.contains(InetAddress.getByName("127.0.0.1")) && ips.contains(InetAddress.getByName("::1")), "loopback in " + ips);
        for (InetAddress lan : lanAddresses()) {
            assertTrue(ips.contains(lan), lan + " in " + ips);
        }

        // the server presents it, and a client that trusts only it reaches the API by each name
        List<String> hosts = new ArrayList<>(List.of("127.0.0.1", "localhost", "[::1]"));
        if (resolves(host)) {
            hosts.add(host);
        }
        for (String h : hosts) {
            HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create("https://" + h + ":" + server.httpsPort + "/api/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), h + ": " + health.body());
            assertEquals("up", json(health).get("status").asText());
            assertEquals(certificate, health.sslSession().orElseThrow().getPeerCertificates()[0], h);
        }

        // and a client with the JDK's usual trust refuses it: the trust above is real
        HttpClient usual = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(SSLHandshakeException.class, () -> usual.send(HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + server.httpsPort + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    @Order(3)
    void theLanGetsHttpsAndPlainHttpStaysOnThisMachine() throws Exception {
        assertEquals(200, server.get("/api/health", null).statusCode(), "plain HTTP on 127.0.0.1");
        List<InetAddress> lan = lanAddresses();
        if (lan.isEmpty()) {
            System.out.println("this machine has no non-loopback address: the LAN part is not tested here");
        }
        for (InetAddress address : lan) {
            String literal = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
            HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create("https://" + literal + ":" + server.httpsPort + "/api/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), "HTTPS on " + literal);
            assertDoesNotAnswer(address, server.httpPort);
            System.out.println(literal + ": HTTPS answers, plain HTTP does not");
        }
    }

    @Test
    @Order(4)
    void neitherARestartNorKarafCleanMakesANewCertificate() throws Exception {
        byte[] keystore = Files.readAllBytes(tls.resolve("keystore.p12"));
        byte[] password = Files.readAllBytes(tls.resolve("keystore.password"));
        Path marker = server.home.resolve("data/parkir-https-it.marker");
        Files.writeString(marker, "wiped by clean");

        server.stop();
        server.start();
        assertSameCertificate(keystore, password);
        assertTrue(Files.exists(marker));

        server.stop();
        server.start("clean"); // empties data/; parkir-data/ stays
        assertFalse(Files.exists(marker), "bin/karaf clean emptied data/");
        assertSameCertificate(keystore, password);
        assertEquals(200, server.get("/api/health", null).statusCode());
    }

    @Test
    @Order(5)
    void aKeystoreThatCannotBeOpenedTurnsHttpsOffNotTheServer() throws Exception {
        server.stop();
        Files.writeString(tls.resolve("keystore.password"), "not-the-password\n");
        server.start();
        assertEquals(200, server.get("/api/health", null).statusCode(), "plain HTTP on 127.0.0.1 still answers");
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", server.httpsPort), 3000));
        }
        String log = Files.readString(server.home.resolve("data/log/karaf.log"));
        assertTrue(log.contains("HTTPS on port " + server.httpsPort + " is off"), "the reason is in the log");
    }

    private void assertSameCertificate(byte[] keystore, byte[] password) throws Exception {
        assertArrayEquals(keystore, Files.readAllBytes(tls.resolve("keystore.p12")), "keystore unchanged");
        assertArrayEquals(password, Files.readAllBytes(tls.resolve("keystore.password")), "password unchanged");
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.httpsPort + "/api/health"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(certificate, health.sslSession().orElseThrow().getPeerCertificates()[0]);
    }

    /** Nothing listens there: the connection is refused (or, behind a firewall that drops, times out). */
    private static void assertDoesNotAnswer(InetAddress address, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 3000);
            fail("plain HTTP answers on " + address.getHostAddress() + ":" + port);
        } catch (ConnectException | SocketTimeoutException expected) {
            // not there
        }
    }

    /** An HTTP client whose only trusted certificate is the server's own. */
    private static HttpClient clientTrusting(X509Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("parkir", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The machine's non-loopback addresses a browser on the LAN could use (link-local IPv6 needs a zone: left out). */
    private static List<InetAddress> lanAddresses() throws IOException {
        List<InetAddress> all = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    all.add(InetAddress.getByAddress(a.getAddress()));
                }
            }
        }
        return all;
    }

    /** As bin/parkir-tls.java reads it. */
    private static String hostName() throws IOException {
        Path proc = Path.of("/proc/sys/kernel/hostname");
        String host = Files.isReadable(proc) ? Files.readString(proc, StandardCharsets.US_ASCII).strip()
                : InetAddress.getLocalHost().getHostName();
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean resolves(String host) {
        try {
            Collection<InetAddress> found = List.of(InetAddress.getAllByName(host));
            return !found.isEmpty();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
