package id.parkir.it;

import id.parkir.api.TicketNumber;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Fills a stopped server's embedded Derby database with a busy mall's history, straight through
 * JDBC: {@link #PER_DAY} paid stays a day (entries over 06:00-23:00, stays of minutes to a night,
 * 8 gates with three shifts each, receipts numbered per day), every stay with its payment. The
 * history ends the day before today and grows backwards in time as more is loaded, so a later,
 * bigger load keeps what an earlier one wrote. Columns are those of the first release's schema:
 * every later migration's columns have defaults, so the same loader fills old and new databases;
 * where the schema has the reports' columns (V5: a payment's vehicle type, zone, gate, lost ticket,
 * nights and fine, a stay's method and fine), they are filled as a payment fills them.
 */
final class HistoryLoader implements AutoCloseable {
    static final int PER_DAY = 10_000;
    /** Zones a benchmark's vehicles never fill (for {@code initialZones} in etc/id.parkir.core.cfg). */
    static final String ROOMY_ZONES = "A|Lantai Dasar|motorcycle=50000,car=50000,truck=5000,bus=5000;B|Basement 1|car=50000";
    private static final int GATES = 8;
    private static final int SHIFTS_PER_DAY = 3 * GATES;
    private static final ZoneId SITE = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter RECEIPT_DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String[] REGIONS = {"B", "B", "B", "D", "F", "T", "A", "E", "L", "N", "W", "AB", "AD", "AG", "BK", "DK", "KT"};
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private final Path folder;
    private final Connection db;
    private final Random random = new Random(20261201L);
    private final Set<String> tickets = new HashSet<>();
    private final boolean reportColumns;

    /** Opens the database folder (the server must be stopped: embedded Derby has one owner). */
    HistoryLoader(Path databaseFolder) throws SQLException {
        // Loading is not the measurement: no log sync per commit; the database is shut down cleanly.
        System.setProperty("derby.system.durability", "test");
        this.folder = databaseFolder.toAbsolutePath();
        db = DriverManager.getConnection("jdbc:derby:" + databaseFolder.toAbsolutePath());
        db.setAutoCommit(false);
        try (ResultSet c = db.getMetaData().getColumns(null, null, "PARKIR_PAYMENT", "OVERNIGHT_CHARGE")) {
            reportColumns = c.next();
        }
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT TICKET FROM PARKIR_SESSION")) {
            while (r.next()) {
                tickets.add(r.getString(1));
            }
        }
    }

    /** Loads a stopped server's database up to {@code total} stays of history; answers a plate the history holds. */
    static String loadInto(ParkirServer server, long total) throws SQLException {
        try (HistoryLoader loader = new HistoryLoader(server.home.resolve("parkir-data/derby/parkir"))) {
            loader.loadUpTo(total);
            return loader.historyPlate();
        }
    }

    long historySessions() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM PARKIR_SESSION WHERE ID >= 1000000000")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Adds paid stays (history ids start at 1e9, away from the server's own) until there are {@code total}. */
    void loadUpTo(long total) throws SQLException {
        long have = historySessions();
        long t0 = System.nanoTime();
        LocalDate lastDay = LocalDate.now(SITE).minusDays(1);
        // the reports' columns (V5) as constants or from the same parameters, appended where the schema has them
        String sessionExtra = reportColumns ? ", PAYMENT_METHOD, NIGHTS, OVERNIGHT_CHARGE, FINE" : "";
        String sessionValues = reportColumns ? ", 'cash', 0, 0, ?" : "";
        String paymentExtra = reportColumns ? ", VEHICLE_TYPE, ZONE_CODE, GATE, LOST_TICKET, NIGHTS, OVERNIGHT_CHARGE, FINE" : "";
        String paymentValues = reportColumns ? ", ?, ?, ?, ?, 0, 0, ?" : "";
        try (PreparedStatement session = db.prepareStatement("INSERT INTO PARKIR_SESSION (ID, TICKET, PLATE, VEHICLE_TYPE,"
                + " ZONE_CODE, GATE, STATUS, ENTRY_AT, ENTRY_BY, ENTRY_SHIFT, EXIT_AT, EXIT_BY, EXIT_SHIFT, LOST_TICKET,"
                + " QUOTED_AT, TOTAL, RECEIPT_NO" + sessionExtra + ") VALUES (?, ?, ?, ?, ?, ?, 'PAID', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + sessionValues + ")");
             PreparedStatement payment = db.prepareStatement("INSERT INTO PARKIR_PAYMENT (ID, RECEIPT_NO, SESSION_ID, TICKET,"
                     + " PLATE, METHOD, TOTAL, PAID, CHANGE_GIVEN, PAID_AT, CASHIER, SHIFT_ID, FEE_LINES" + paymentExtra + ")"
                     + " VALUES (?, ?, ?, ?, ?, 'cash', ?, ?, ?, ?, ?, ?, ?" + paymentValues + ")");
             PreparedStatement shift = db.prepareStatement("INSERT INTO PARKIR_SHIFT (ID, USERNAME, OPENED_AT, CLOSED_AT,"
                     + " OPENING_CASH, COUNTED_CASH) VALUES (?, ?, ?, ?, 100000, ?)")) {
            for (long n = have; n < total; n++) {
                long dayIndex = n / PER_DAY;
                int inDay = (int) (n % PER_DAY);
                LocalDate day = lastDay.minusDays(dayIndex);
                long dayStart = day.atStartOfDay(SITE).toInstant().toEpochMilli();
                if (inDay == 0) {
                    addShifts(shift, dayIndex, dayStart);
                }
                long id = 1_000_000_000L + n;
                int gate = random.nextInt(GATES);
                long entry = dayStart + 6 * 3_600_000L + (long) (random.nextDouble() * 17 * 3_600_000L);
                long stay = 5 * 60_000L + (long) (-Math.log(1 - random.nextDouble()) * 150 * 60_000L);
                long exit = entry + stay;
                String type = vehicleType();
                boolean lost = random.nextInt(200) == 0;
                long fee = fee(type, stay) + (lost ? 50_000 : 0);
                String receipt = "R" + RECEIPT_DAY.format(day) + "-" + String.format("%06d", inDay + 1);
                String ticket = ticket();
                String plate = plate();
                String cashier = "kasir" + (gate + 1);
                long entryShift = shiftId(dayIndex, entry - dayStart, gate);
                long exitShift = shiftId(dayIndex, Math.min(exit - dayStart, 86_399_999L), gate);
                session.setLong(1, id);
                session.setString(2, ticket);
                session.setString(3, plate);
                session.setString(4, type);
                String zone = type.equals("car") && random.nextBoolean() ? "B" : "A";
                session.setString(5, zone);
                session.setString(6, "G" + (gate + 1));
                session.setLong(7, entry);
                session.setString(8, cashier);
                session.setLong(9, entryShift);
                session.setLong(10, exit);
                session.setString(11, cashier);
                session.setLong(12, exitShift);
                session.setShort(13, (short) (lost ? 1 : 0));
                session.setLong(14, exit);
                session.setLong(15, fee);
                session.setString(16, receipt);
                if (reportColumns) {
                    session.setLong(17, lost ? 50_000 : 0);
                }
                session.addBatch();
                long paid = fee <= 0 ? 0 : ((fee + 9_999) / 10_000) * 10_000;
                payment.setLong(1, id);
                payment.setString(2, receipt);
                payment.setLong(3, id);
                payment.setString(4, ticket);
                payment.setString(5, plate);
                payment.setLong(6, fee);
                payment.setLong(7, paid);
                payment.setLong(8, paid - fee);
                payment.setLong(9, exit);
                payment.setString(10, cashier);
                payment.setLong(11, exitShift);
                payment.setString(12, "Parkir\t" + fee);
                if (reportColumns) {
                    payment.setString(13, type);
                    payment.setString(14, zone);
                    payment.setString(15, "G" + (gate + 1));
                    payment.setShort(16, (short) (lost ? 1 : 0));
                    payment.setLong(17, lost ? 50_000 : 0);
                }
                payment.addBatch();
                if ((n + 1) % 2_000 == 0 || n + 1 == total) {
                    session.executeBatch();
                    payment.executeBatch();
                    shift.executeBatch();
                    db.commit();
                }
                if ((n + 1) % 250_000 == 0) {
                    System.out.printf("history: %,d stays loaded (%.0f s)%n", n + 1, (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        db.commit();
        System.out.printf("history: %,d stays in %.0f s%n", total, (System.nanoTime() - t0) / 1e9);
    }

    private void addShifts(PreparedStatement shift, long dayIndex, long dayStart) throws SQLException {
        for (int s = 0; s < SHIFTS_PER_DAY; s++) {
            int gate = s % GATES;
            int third = s / GATES;
            shift.setLong(1, shiftId(dayIndex, third * 8 * 3_600_000L, gate));
            shift.setString(2, "kasir" + (gate + 1));
            shift.setLong(3, dayStart + third * 8 * 3_600_000L);
            shift.setLong(4, dayStart + (third + 1) * 8 * 3_600_000L - 1);
            shift.setLong(5, 100_000 + random.nextInt(5_000_000));
            shift.addBatch();
        }
    }

    private static long shiftId(long dayIndex, long millisIntoDay, int gate) {
        int third = (int) Math.min(2, millisIntoDay / (8 * 3_600_000L));
        return 1_000_000_000L + dayIndex * SHIFTS_PER_DAY + third * GATES + gate;
    }

    private String vehicleType() {
        int r = random.nextInt(100);
        return r < 55 ? "motorcycle" : r < 95 ? "car" : r < 98 ? "truck" : "bus";
    }

    private static long fee(String type, long stayMillis) {
        long hours = Math.max(1, (stayMillis + 3_599_999) / 3_600_000);
        long first = type.equals("motorcycle") ? 3_000 : type.equals("car") ? 5_000 : 10_000;
        long next = type.equals("motorcycle") ? 2_000 : type.equals("car") ? 4_000 : 8_000;
        long max = type.equals("motorcycle") ? 20_000 : type.equals("car") ? 60_000 : 120_000;
        return Math.min(max, first + (hours - 1) * next);
    }

    private String ticket() {
        String t;
        do {
            t = TicketNumber.generate();
        } while (!tickets.add(t));
        return t;
    }

    /** An Indonesian plate: region, 1-4 digits not starting with 0, 0-3 letters. */
    String plate() {
        StringBuilder p = new StringBuilder(REGIONS[random.nextInt(REGIONS.length)]);
        p.append(1 + random.nextInt(9999));
        int letters = random.nextInt(4);
        for (int i = 0; i < letters; i++) {
            p.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return p.toString();
    }

    /** A plate that the history holds, for the history search. */
    String historyPlate() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT PLATE FROM PARKIR_SESSION WHERE ID = 1000000000")) {
            return r.next() ? r.getString(1) : "B1234ABC";
        }
    }

    /** Commits and shuts the database down cleanly, so that the server can open it. */
    @Override
    public void close() throws SQLException {
        db.commit();
        db.close();
        try {
            DriverManager.getConnection("jdbc:derby:" + folder + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby answers a clean shutdown of one database with 08006
        }
        System.clearProperty("derby.system.durability");
    }
}
