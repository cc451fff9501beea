package id.parkir.jetty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Parkir's Jetty listens. Added to pax-web's Jetty server by {@code etc/jetty.xml}; it runs as
 * the server starts, after pax-web has made its connectors from {@code etc/org.ops4j.pax.web.cfg} and
 * before they open their ports:
 * <ul>
 * <li>plain HTTP listens on one address, {@code parkir.http.address} of that file: 127.0.0.1 by
 * default, so the LAN reaches the server over HTTPS only (a gate's browser gives the webcam to a
 * secure origin only, and passwords and tokens do not cross the LAN in clear text), while a browser
 * on the server itself still opens {@code http://localhost:8181/}. pax-web binds its plain and its
 * secure connector to the same addresses ({@code org.ops4j.pax.web.listening.addresses}), hence this.</li>
 * <li>an HTTPS connector whose keystore cannot be opened (missing, wrong password, damaged) is left
 * out with an error in the log: Jetty starts no connector at all when one of them fails, and a broken
 * certificate must not take plain HTTP on the server itself down with it.</li>
 * </ul>
 */
public class ConnectorPolicy extends AbstractLifeCycle.AbstractLifeCycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorPolicy.class);
    static final String LOOPBACK = "127.0.0.1";

    private final String plainHttpAddress;

    /** @param plainHttpAddress the one address plain HTTP listens on; blank means 127.0.0.1 */
    public ConnectorPolicy(String plainHttpAddress) {
        this.plainHttpAddress = plainHttpAddress == null || plainHttpAddress.isBlank() ? LOOPBACK : plainHttpAddress.strip();
    }

    @Override
    public void lifeCycleStarting(LifeCycle event) {
        if (event instanceof Server) {
            apply((Server) event);
        }
    }

    void apply(Server server) {
        List<ServerConnector> plain = new ArrayList<>();
        for (Connector c : server.getConnectors()) {
            if (!(c instanceof ServerConnector)) {
                continue;
            }
            ServerConnector connector = (ServerConnector) c;
            SslConnectionFactory ssl = connector.getConnectionFactory(SslConnectionFactory.class);
            if (ssl == null) {
                plain.add(connector);
            } else if (!keystoreOpens(connector, ssl.getSslContextFactory())) {
                server.removeConnector(connector);
            }
        }
        if (plain.isEmpty()) {
            return;
        }
        String address = usableAddress();
        // pax-web makes one plain connector per listening address, all on the same port: one per port is kept
        Set<Integer> ports = new HashSet<>();
        for (ServerConnector connector : plain) {
            if (ports.add(connector.getPort())) {
                connector.setHost(address);
                LOG.info("Plain HTTP listens on {}:{} only (parkir.http.address in etc/org.ops4j.pax.web.cfg)",
                        address, connector.getPort());
            } else {
                server.removeConnector(connector);
            }
        }
    }

    /** The configured address if it is one; 127.0.0.1 (and an error in the log) if it is not. */
    private String usableAddress() {
        try {
            InetAddress.getByName(plainHttpAddress);
            return plainHttpAddress;
        } catch (UnknownHostException | SecurityException e) {
            LOG.error("parkir.http.address '{}' in etc/org.ops4j.pax.web.cfg is not an address of this machine; plain HTTP"
                    + " listens on {} instead", plainHttpAddress, LOOPBACK);
            return LOOPBACK;
        }
    }

    /** Opens the connector's keystore once, as Jetty is about to; false (and an error in the log) if that fails. */
    private static boolean keystoreOpens(ServerConnector connector, SslContextFactory tls) {
        try {
            tls.start();
            tls.stop();
            return true;
        } catch (Exception e) {
            LOG.error("HTTPS on port {} is off: its keystore {} cannot be opened ({}). Check org.ops4j.pax.web.ssl.keystore,"
                    + " .keystore.type and .keystore.password in etc/org.ops4j.pax.web.cfg (the generated keystore's password is"
                    + " parkir-data/tls/keystore.password, which bin/setenv passes as PARKIR_TLS_PASSWORD); README, HTTPS."
                    + " Plain HTTP still answers on parkir.http.address.",
                    connector.getPort(), tls.getKeyStorePath(), rootMessage(e));
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
