package id.parkir.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorPolicyTest {
    @TempDir
    Path dir;

    private static ServerConnector plain(Server server, String host) {
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory());
        c.setHost(host);
        c.setPort(0);
        return c;
    }

    private static ServerConnector secure(Server server, Path keystore, String password) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.toString());
        tls.setKeyStorePassword(password);
        tls.setKeyStoreType("PKCS12");
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory());
        c.setPort(0);
        return c;
    }

    private static List<Connector> connectors(Server server) {
        return Arrays.asList(server.getConnectors());
    }

    @Test
    void plainHttpOnLoopbackByDefaultOneConnectorPerPort() {
        Server server = new Server();
        ServerConnector all = plain(server, null);
        all.setPort(18181);
        ServerConnector lan = plain(server, "192.0.2.7");
        lan.setPort(18181);
        server.addConnector(all);
        server.addConnector(lan);

        new ConnectorPolicy(null).apply(server);

        assertEquals(List.of(all), connectors(server));
        assertEquals("127.0.0.1", all.getHost());
    }

    @Test
    void theSwitchPutsPlainHttpOnEveryInterface() {
        Server server = new Server();
        ServerConnector all = plain(server, null);
        server.addConnector(all);

        new ConnectorPolicy(" 0.0.0.0 ").apply(server);

        assertEquals("0.0.0.0", all.getHost());
    }

    @Test
    void httpsWithoutItsKeystoreIsLeftOutAndPlainHttpStillStarts() throws Exception {
        Server server = new Server();
        ServerConnector http = plain(server, null);
        ServerConnector https = secure(server, dir.resolve("missing.p12"), "secret");
        server.addConnector(http);
        server.addConnector(https);
        server.addLifeCycleListener(new ConnectorPolicy("127.0.0.1"));
        try {
            server.start();
            assertEquals(List.of(http), connectors(server));
            assertTrue(http.getLocalPort() > 0);
        } finally {
            server.stop();
        }
    }

    @Test
    void httpsWithAWrongPasswordIsLeftOut() throws Exception {
        Path keystore = keystore("right-password");
        Server server = new Server();
        ServerConnector https = secure(server, keystore, "wrong-password");
        server.addConnector(https);

        new ConnectorPolicy(null).apply(server);

        assertEquals(List.of(), connectors(server));
    }

    @Test
    void httpsWithAGoodKeystoreStartsAsUsual() throws Exception {
        Path keystore = keystore("right-password");
        Server server = new Server();
        ServerConnector http = plain(server, null);
        ServerConnector https = secure(server, keystore, "right-password");
        server.addConnector(http);
        server.addConnector(https);
        server.addLifeCycleListener(new ConnectorPolicy(null));
        try {
            server.start();
            assertEquals(List.of(http, https), connectors(server));
            assertTrue(https.isRunning() && https.getLocalPort() > 0);
            assertEquals(null, https.getHost(), "HTTPS keeps pax-web's address (every interface)");
            assertEquals("127.0.0.1", http.getHost());
        } finally {
            server.stop();
        }
    }

    /** A PKCS12 keystore with one self-signed key, made by the JDK's keytool. */
    private Path keystore(String password) throws Exception {
        Path keystore = dir.resolve("keystore.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                "-alias", "test", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2")
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed");
        return keystore;
    }
}
