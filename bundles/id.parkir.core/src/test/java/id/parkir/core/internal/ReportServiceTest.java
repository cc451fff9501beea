package id.parkir.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.parkir.api.Actor;
import id.parkir.api.Fee;
import id.parkir.api.FeeLine;
import id.parkir.api.ParkirException;
import id.parkir.api.PaymentMethod;
import id.parkir.api.PluginProperties;
import id.parkir.api.Role;
import id.parkir.api.Stay;
import id.parkir.api.TariffRule;
import id.parkir.api.VehicleType;
import id.parkir.api.parking.EntryCommand;
import id.parkir.api.parking.ExitCommand;
import id.parkir.api.parking.PaymentCommand;
import id.parkir.api.report.Report;
import id.parkir.api.report.ReportColumn;
import id.parkir.api.report.ReportExporter;
import id.parkir.api.report.ReportRequest;
import id.parkir.api.report.ReportService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every report kind on a real Derby database with the server's migrations: today's traffic made
 * through the parking service (entries, a cash payment, a lost ticket paid by QRIS, a closed
 * shift), history days written as the server writes them (an overnight stay, stays of known
 * lengths, a summer-time day in Berlin, many stays in one millisecond), the activity log; each
 * report's rows and totals against what was made, and every refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportServiceTest {
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** Car Rp5.000 (motorcycle Rp2.000) the first hour, Rp1.000 each next, Rp50.000 a night, Rp25.000 for a lost ticket. */
    static final TariffRule RULE = new TariffRule() {
        @Override
        public Fee quote(Stay s) {
            long hours = Math.max(1, (s.durationMinutes() + 59) / 60);
            List<FeeLine> lines = new ArrayList<>();
            lines.add(new FeeLine("Parkir", (s.vehicleType() == VehicleType.MOTORCYCLE ? 2_000 : 5_000) + (hours - 1) * 1_000));
            if (s.overnights() > 0) {
                lines.add(new FeeLine("Menginap", s.overnights() * 50_000L));
            }
            if (s.lostTicket()) {
                lines.add(new FeeLine("Denda", 25_000));
            }
            return Fee.of(lines);
        }

        @Override
        public String describe() {
            return "test";
        }
    };
    private static final LocalDate HISTORY = LocalDate.of(2026, 3, 10);

    private DerbyStore store;
    private ReportServiceImpl reports;
    private LocalDate today;
    private final Actor kasir = new Actor("kasir1", Role.OPERATOR, false);

    @BeforeAll
    void traffic() throws Exception {
        store = new DerbyStore("reports");
        CoreConfig config = DerbyStore.config(Map.of("imageDir", Files.createTempDirectory("img").toString(),
                "initialZones", "A|Lantai Dasar|motorcycle=10,car=10;B|Basement|car=10"));
        ParkingServiceImpl parking = new ParkingServiceImpl(store, config);
        parking.bindTariffRule(RULE, Map.of(PluginProperties.ID, "progressive"));
        parking.bindPaymentMethod(r -> PaymentMethod.Outcome.accepted(r.amountReceived(), r.amountReceived() - r.amountDue(), null),
                Map.of(PluginProperties.ID, "cash"));
        parking.bindPaymentMethod(r -> PaymentMethod.Outcome.accepted(r.amountDue(), 0, "qr-1"), Map.of(PluginProperties.ID, "qris"));
        reports = new ReportServiceImpl(store, config);
        reports.bindExporter(new TextExporter(), Map.of(PluginProperties.ID, "txt", PluginProperties.NAME, "Text"));
        today = LocalDate.now(JAKARTA);
        parking.openShift(kasir, 100_000);
        String car = parking.recordEntry(kasir, new EntryCommand("B1AA", "car", "G1", "A", null)).ticket();
        parking.recordEntry(kasir, new EntryCommand("B2BB", "motorcycle", "G2", "A", null));
        parking.recordEntry(kasir, new EntryCommand("B3CC", "car", "G1", "B", null));
        parking.quoteExit(kasir, new ExitCommand(car, null, false, null));
        parking.pay(kasir, new PaymentCommand(car, "cash", 10_000L, null, null));
        String lost = parking.quoteExit(kasir, new ExitCommand(null, "B2BB", true, null)).ticket();
        parking.pay(kasir, new PaymentCommand(lost, "qris", null, null, null));
        parking.closeShift(kasir, 110_000L);
        // 2026-03-10: three cars at 08:00, out after 90 and 120 minutes and the next morning at 07:00 (one night)
        stay(1, "D1A", "car", "G3", HISTORY.atTime(8, 0), HISTORY.atTime(9, 30), "cash", 0, 0);
        stay(2, "D2A", "car", "G3", HISTORY.atTime(8, 0), HISTORY.atTime(10, 0), "cash", 0, 0);
        stay(3, "D3A", "car", "G3", HISTORY.atTime(8, 0), HISTORY.plusDays(1).atTime(7, 0), "qris", 1, 0);
    }

    @AfterAll
    void close() {
        store.close();
    }

    /** A paid stay written as the payment writes it (session and payment rows with the report columns). */
    private void stay(long n, String plate, String type, String gate, LocalDateTime entry, LocalDateTime exit, String method,
                      int nights, long fine) {
        long id = 1_000_000 + n;
        long in = entry.atZone(JAKARTA).toInstant().toEpochMilli();
        long out = exit.atZone(JAKARTA).toInstant().toEpochMilli();
        long total = RULE.quote(new Stay(VehicleType.parse(type), "A", entry.atZone(JAKARTA).toInstant(),
                exit.atZone(JAKARTA).toInstant(), fine > 0, nights)).total();
        long overnight = nights * 50_000L;
        store.sql("INSERT INTO PARKIR_SESSION (ID, TICKET, PLATE, VEHICLE_TYPE, ZONE_CODE, GATE, STATUS, ENTRY_AT, ENTRY_BY,"
                + " EXIT_AT, EXIT_BY, LOST_TICKET, TOTAL, RECEIPT_NO, PAYMENT_METHOD, NIGHTS, FINE, OVERNIGHT_CHARGE)"
                + " VALUES (?, ?, ?, ?, 'A', ?, 'PAID', ?, 'kasir9', ?, 'kasir9', ?, ?, ?, ?, ?, ?, ?)", id, "T" + id, plate, type, gate,
                in, out, fine > 0 ? 1 : 0, total, "R" + id, method, nights, fine, overnight);
        store.sql("INSERT INTO PARKIR_PAYMENT (ID, RECEIPT_NO, SESSION_ID, TICKET, PLATE, METHOD, TOTAL, PAID, CHANGE_GIVEN, PAID_AT,"
                + " CASHIER, VEHICLE_TYPE, ZONE_CODE, GATE, LOST_TICKET, NIGHTS, FINE, OVERNIGHT_CHARGE)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'kasir9', ?, 'A', ?, ?, ?, ?, ?)", id, "R" + id, id, "T" + id, plate, method,
                total, total, out, type, gate, fine > 0 ? 1 : 0, nights, fine, overnight);
    }

    private static ReportRequest request(String kind, LocalDate from, LocalDate to, String by, Map<String, String> filters) {
        return new ReportRequest(kind, from, to, by, filters, null);
    }

    /** Every row of a report, and its totals after them (as the exporters read it). */
    private static List<List<Object>> rows(Report report) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        report.rows(rows::add);
        return rows;
    }

    private static Object cell(Report report, List<Object> row, String key) {
        List<ReportColumn> columns = report.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return row.get(i);
            }
        }
        throw new AssertionError("no column " + key + " in " + columns);
    }

    @Test
    void revenuePerDayHasFinesOvernightChargesAndMethodsInColumnsOfTheirOwn() throws Exception {
        Report r = reports.report(request("revenue", today, today, null, Map.of()));
        List<List<Object>> rows = rows(r);
        assertEquals(1, rows.size());
        List<Object> day = rows.get(0);
        assertEquals(today, cell(r, day, "date"));
        assertEquals(2L, cell(r, day, "transactions"));
        assertEquals(1L, cell(r, day, "lostTickets"));
        assertEquals(0L, cell(r, day, "overnightStays"));
        assertEquals(7_000L, cell(r, day, "parking"), "car 5.000 and motorcycle 2.000");
        assertEquals(25_000L, cell(r, day, "fine"));
        assertEquals(0L, cell(r, day, "overnightCharge"));
        assertEquals(5_000L, cell(r, day, "method.cash"));
        assertEquals(27_000L, cell(r, day, "method.qris"));
        assertEquals(32_000L, cell(r, day, "total"));
        assertEquals(day.subList(1, day.size()), r.totals().subList(1, day.size()));
        assertEquals("Tunai", r.columns().stream().filter(c -> c.key().equals("method.cash")).findFirst().orElseThrow().title());

        Report history = reports.report(request("revenue", HISTORY, HISTORY.plusDays(1), null, Map.of()));
        List<List<Object>> days = rows(history);
        assertEquals(List.of(HISTORY, HISTORY.plusDays(1)), days.stream().map(d -> d.get(0)).toList());
        assertEquals(1L, cell(history, days.get(1), "overnightStays"));
        assertEquals(50_000L, cell(history, days.get(1), "overnightCharge"));
        assertEquals(50_000L + 5_000 + 22 * 1_000, cell(history, days.get(1), "total"), "23 hours and a night");
        assertEquals(3L, cell(history, history.totals(), "transactions"));
    }

    @Test
    void revenueGroupedAndFiltered() throws Exception {
        Report byCashier = reports.report(request("revenue", HISTORY, today, "cashier", Map.of()));
        List<List<Object>> rows = rows(byCashier);
        assertEquals(List.of("kasir1", "kasir9"), rows.stream().map(r -> r.get(0)).toList());
        Report byType = reports.report(new ReportRequest("revenue", today, today, "vehicleType", Map.of(), "en"));
        assertEquals(List.of("Car", "Motorcycle"), rows(byType).stream().map(r -> r.get(0)).toList());
        assertEquals("Lost-ticket fines", byType.columns().get(6).title());
        Report cars = reports.report(request("revenue", today, today, "method", Map.of("vehicleType", "CAR", "gate", "G1")));
        List<List<Object>> cash = rows(cars);
        assertEquals(1, cash.size());
        assertEquals("Tunai", cash.get(0).get(0));
        assertEquals(5_000L, cell(cars, cash.get(0), "total"));
        assertEquals(Map.of("Per", "metode bayar", "Jenis kendaraan", "Mobil", "Gerbang", "G1"), cars.filters());
        Report none = reports.report(request("revenue", today, today, "zone", Map.of("cashier", "nobody")));
        assertTrue(rows(none).isEmpty());
        assertEquals(0L, cell(none, none.totals(), "total"));
    }

    @Test
    void trafficCountsEntriesExitsStaysAndThePeak() throws Exception {
        Report r = reports.report(request("traffic", HISTORY, HISTORY.plusDays(1), null, Map.of()));
        List<List<Object>> days = rows(r);
        List<Object> first = days.get(0);
        assertEquals(3L, cell(r, first, "entries"));
        assertEquals(2L, cell(r, first, "exits"));
        assertEquals(105L, cell(r, first, "averageStay"));
        assertEquals(90L, cell(r, first, "medianStay"), "the lower of the two middle stays");
        assertEquals(3L, cell(r, first, "peakOccupancy"));
        assertEquals(HISTORY.atTime(8, 0), cell(r, first, "peakAt"));
        List<Object> second = days.get(1);
        assertEquals(0L, cell(r, second, "entries"));
        assertEquals(1L, cell(r, second, "exits"));
        assertEquals(23 * 60L, cell(r, second, "medianStay"));
        assertEquals(1L, cell(r, second, "peakOccupancy"), "the night's car, inside as the day began");
        assertEquals(3L, cell(r, r.totals(), "exits"));
        assertEquals(120L, cell(r, r.totals(), "medianStay"));

        Report hours = reports.report(request("traffic", HISTORY, HISTORY, "hour", Map.of("vehicleType", "car")));
        List<List<Object>> byHour = rows(hours);
        assertEquals(24, byHour.size());
        assertEquals("08:00", byHour.get(8).get(0));
        assertEquals(3L, cell(hours, byHour.get(8), "entries"));
        assertEquals(1L, cell(hours, byHour.get(9), "exits"));
        assertEquals(90L, cell(hours, byHour.get(9), "medianStay"));
        assertEquals(1L, cell(hours, byHour.get(10), "exits"));
        Report motorcycles = reports.report(request("traffic", HISTORY, HISTORY, null, Map.of("vehicleType", "motorcycle")));
        assertEquals(0L, cell(motorcycles, rows(motorcycles).get(0), "entries"));

        Report now = reports.report(request("traffic", today, today, null, Map.of()));
        List<Object> todayRow = rows(now).get(0);
        assertEquals(3L, cell(now, todayRow, "entries"));
        assertEquals(2L, cell(now, todayRow, "exits"));
        assertTrue((Long) cell(now, todayRow, "peakOccupancy") >= 1);
    }

    @Test
    void sessionsAreOneRowPerStayInEntryOrder() throws Exception {
        Report r = reports.report(request("sessions", today, today, null, Map.of()));
        List<List<Object>> rows = rows(r);
        assertEquals(List.of("B1AA", "B2BB", "B3CC"), rows.stream().map(s -> cell(r, s, "plate")).toList());
        List<Object> lost = rows.get(1);
        assertEquals("Motor", cell(r, lost, "vehicleType"));
        assertEquals("Ya", cell(r, lost, "lostTicket"));
        assertEquals(25_000L, cell(r, lost, "fine"));
        assertEquals(2_000L, cell(r, lost, "parking"));
        assertEquals("QRIS", cell(r, lost, "method"));
        assertEquals("kasir1", cell(r, lost, "cashier"));
        List<Object> inside = rows.get(2);
        assertEquals("Di dalam", cell(r, inside, "status"));
        assertNull(cell(r, inside, "total"));
        assertNull(cell(r, inside, "exitTime"));
        assertEquals(32_000L, cell(r, r.totals(), "total"));
        assertNull(cell(r, r.totals(), "plate"));

        Report counted = reports.report(request("sessions", today, today, null, Map.of("method", "qris")));
        assertEquals(27_000L, cell(counted, counted.totals(), "total"), "counted by the database before any row");
        assertEquals(1, rows(counted).size());
    }

    @Test
    void pagesGoOnWhereTheLastEndedAcrossRowsOfOneMillisecond() throws Exception {
        LocalDateTime same = LocalDate.of(2026, 4, 1).atTime(12, 0);
        for (int i = 10; i < 17; i++) {
            stay(i, "E" + i + "A", "motorcycle", "G5", same, same.plusHours(1), "cash", 0, 0);
        }
        long at = same.atZone(JAKARTA).toInstant().toEpochMilli();
        List<Object> seen = new ArrayList<>();
        // the next page read on another thread while one is handed over, as a download reads them
        new KeysetRows(store, java.util.concurrent.ForkJoinPool.commonPool(),
                "SELECT ENTRY_AT, ID, PLATE FROM PARKIR_SESSION --DERBY-PROPERTIES index=IX_SESSION_ENTRY_REPORT\n",
                "ENTRY_AT < ?", List.of(at + 1), at, "ENTRY_AT", "ID", false, 3).<Void>forEachPage(null,
                (rows, none) -> rows.forEach(r -> seen.add(r[2])));
        assertEquals(List.of("E10A", "E11A", "E12A", "E13A", "E14A", "E15A", "E16A"), seen);
        List<Object> newest = new ArrayList<>();
        new KeysetRows(store, null, "SELECT ENTRY_AT, ID, PLATE FROM PARKIR_SESSION\n", "ENTRY_AT >= ?",
                List.of(at), at + 1, "ENTRY_AT", "ID", true, 2).<Void>forEachPage(null, (rows, none) -> rows.forEach(r -> newest.add(r[2])));
        assertEquals(List.of("E16A", "E15A", "E14A", "E13A", "E12A", "E11A", "E10A"), newest);
    }

    @Test
    void lostTicketsAndOvernightStays() throws Exception {
        Report r = reports.report(request("lost-overnight", HISTORY, today, null, Map.of()));
        List<List<Object>> rows = rows(r);
        assertEquals(List.of("D3A", "B2BB"), rows.stream().map(s -> cell(r, s, "plate")).toList());
        assertEquals(1L, cell(r, rows.get(0), "nights"));
        assertEquals(HISTORY.atTime(8, 0), cell(r, rows.get(0), "entryTime"));
        assertEquals("Ya", cell(r, rows.get(1), "lostTicket"));
        assertEquals(25_000L, cell(r, r.totals(), "fine"));
        assertEquals(50_000L, cell(r, r.totals(), "overnightCharge"));
        Report counted = reports.report(request("lost-overnight", HISTORY, today, null, Map.of()));
        assertEquals(r.totals(), counted.totals());
    }

    @Test
    void shiftsWithCashExpectedCountedAndTheDifference() throws Exception {
        Report r = reports.report(request("shifts", today, today, null, Map.of("cashier", "kasir1")));
        List<List<Object>> rows = rows(r);
        assertEquals(1, rows.size());
        List<Object> s = rows.get(0);
        assertEquals("kasir1", cell(r, s, "cashier"));
        assertEquals(3L, cell(r, s, "entries"));
        assertEquals(2L, cell(r, s, "exits"));
        assertEquals(1L, cell(r, s, "lostTickets"));
        assertEquals(5_000L, cell(r, s, "cash"));
        assertEquals(27_000L, cell(r, s, "nonCash"));
        assertEquals(105_000L, cell(r, s, "cashExpected"));
        assertEquals(110_000L, cell(r, s, "countedCash"));
        assertEquals(5_000L, cell(r, s, "difference"));
        assertEquals(5_000L, cell(r, r.totals(), "difference"));
        Report counted = reports.report(request("shifts", today, today, null, Map.of()));
        assertEquals(r.totals(), counted.totals());
    }

    @Test
    void theActivityLogNewestFirstWithItsFilters() throws Exception {
        LocalDate day = LocalDate.of(2026, 5, 2);
        long t = day.atTime(9, 0).atZone(JAKARTA).toInstant().toEpochMilli();
        store.sql("INSERT INTO PARKIR_ACTIVITY (AT_MILLIS, USERNAME, EVENT, DETAIL) VALUES (?, 'admin', 'ZONE_SAVED', 'B name=50%')", t);
        store.sql("INSERT INTO PARKIR_ACTIVITY (AT_MILLIS, USERNAME, EVENT, DETAIL) VALUES (?, 'kasir1', 'LOGIN_FAILED', 'via api')", t + 1);
        store.sql("INSERT INTO PARKIR_ACTIVITY (AT_MILLIS, USERNAME, EVENT, DETAIL) VALUES (?, 'admin', 'LOGIN', 'via api')", t + 2);
        Report all = reports.report(request("activity", day, day, null, Map.of()));
        assertEquals(List.of("LOGIN", "LOGIN_FAILED", "ZONE_SAVED"), rows(all).stream().map(r -> r.get(2)).toList());
        assertTrue(all.totals().isEmpty());
        assertEquals(List.of("LOGIN", "ZONE_SAVED"), rows(reports.report(request("activity", day, day, null,
                Map.of("user", "admin")))).stream().map(r -> r.get(2)).toList());
        assertEquals(1, rows(reports.report(request("activity", day, day, null, Map.of("action", "LOGIN_FAILED")))).size());
        assertEquals(1, rows(reports.report(request("activity", day, day, null, Map.of("q", "50%")))).size(), "% taken literally");
        assertEquals(0, rows(reports.report(request("activity", day, day, null, Map.of("q", "5_%")))).size(), "_ taken literally");
        assertEquals("period_too_long", code(() -> reports.report(request("activity", day.minusDays(40), day, null,
                Map.of("q", "api")))));
    }

    @Test
    void previewsAreTheFirstRowsWithTheWholeTotals() {
        ReportService.Preview p = reports.preview(request("sessions", today, today, null, Map.of()), 2);
        assertEquals(2, p.rows().size());
        assertTrue(p.more());
        assertEquals(32_000L, cell(p.report(), p.totals(), "total"));
        ReportService.Preview longer = reports.preview(request("sessions", today.minusDays(SessionsReport.COUNTED_DAYS), today,
                null, Map.of()), 2);
        assertTrue(longer.totals().isEmpty(), "beyond a month, the totals are summed in the download only");
        ReportService.Preview whole = reports.preview(request("revenue", today, today, null, Map.of()), 200);
        assertFalse(whole.more());
        assertEquals(1, whole.rows().size());
        assertEquals(1, whole.chart().labels().size());
    }

    @Test
    void aDownloadIsNamedAfterItsKindAndPeriodAndWrittenByItsExporter() throws Exception {
        ReportService.Download d = reports.download(request("revenue", today, today, null, Map.of()), "TXT");
        assertEquals("parkir-revenue-" + today + "_" + today + ".txt", d.fileName());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.writeTo(out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("32000"), out.toString(StandardCharsets.UTF_8));
        assertEquals("report_format_unknown", code(() -> reports.download(request("revenue", today, today, null, Map.of()), "xlsx")));
        ReportServiceImpl bare = new ReportServiceImpl(store, DerbyStore.config(Map.of()));
        assertEquals("report_exporter_missing", code(() -> bare.download(request("revenue", today, today, null, Map.of()), "csv")));
        assertEquals(List.of("revenue", "traffic", "sessions", "lost-overnight", "shifts", "activity"),
                reports.kinds().stream().map(k -> k.id()).toList());
        assertEquals("txt", reports.formats().get(0).id());
    }

    @Test
    void badRequestsAreRefusedWithTheirCode() {
        LocalDate d = today;
        Map<String, String> none = Map.of();
        assertEquals("report_kind_unknown", code(() -> reports.report(request("profit", d, d, null, none))));
        assertEquals("period_missing", code(() -> reports.report(request("revenue", null, d, null, none))));
        assertEquals("period_invalid", code(() -> reports.report(request("revenue", d, d.minusDays(1), null, none))));
        assertEquals("period_too_long", code(() -> reports.report(request("sessions", d.minusDays(366), d, null, none))));
        reports.report(request("sessions", d.minusDays(365), d, null, none));
        reports.report(request("revenue", d.minusYears(5), d, null, none));
        assertEquals("from_invalid", code(() -> reports.report(request("revenue", LocalDate.of(1999, 12, 31), d, null, none))));
        assertEquals("by_invalid", code(() -> reports.report(request("revenue", d, d, "week", none))));
        assertEquals("by_invalid", code(() -> reports.report(request("sessions", d, d, "day", none))));
        assertEquals("filter_invalid", code(() -> reports.report(request("traffic", d, d, null, Map.of("cashier", "x")))));
        assertEquals("vehicle_type_invalid", code(() -> reports.report(request("revenue", d, d, null, Map.of("vehicleType", "tank")))));
        assertEquals("text_invalid", code(() -> reports.report(request("revenue", d, d, null, Map.of("gate", "G1\u202E")))));
        assertEquals("action_invalid", code(() -> reports.report(request("activity", d, d, null, Map.of("action", "a b")))));
        assertEquals("lang_invalid", code(() -> reports.report(new ReportRequest("revenue", d, d, null, none, "fr"))));
    }

    @Test
    void daysOfTwentyFiveHoursAreCountedWhole() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ReportServiceImpl local = new ReportServiceImpl(store, DerbyStore.config(Map.of("timeZone", "Europe/Berlin")));
        LocalDate longDay = LocalDate.of(2026, 10, 25);
        long late = longDay.atTime(23, 30).atZone(berlin).toInstant().toEpochMilli();
        long early = longDay.plusDays(1).atTime(0, 10).atZone(berlin).toInstant().toEpochMilli();
        store.sql("INSERT INTO PARKIR_PAYMENT (ID, RECEIPT_NO, SESSION_ID, TICKET, PLATE, METHOD, TOTAL, PAID, CHANGE_GIVEN, PAID_AT)"
                + " VALUES (2000001, 'RB1', 2000001, 'TB1', 'B9A', 'cash', 7000, 7000, 0, ?)", late);
        store.sql("INSERT INTO PARKIR_PAYMENT (ID, RECEIPT_NO, SESSION_ID, TICKET, PLATE, METHOD, TOTAL, PAID, CHANGE_GIVEN, PAID_AT)"
                + " VALUES (2000002, 'RB2', 2000002, 'TB2', 'B9B', 'cash', 3000, 3000, 0, ?)", early);
        Report r = local.report(request("revenue", longDay.minusDays(1), longDay.plusDays(1), null, Map.of()));
        List<List<Object>> days = rows(r);
        assertEquals(List.of(0L, 7_000L, 3_000L), days.stream().map(x -> cell(r, x, "total")).toList());
        assertEquals("(tidak tercatat)", rows(local.report(request("revenue", longDay, longDay, "vehicleType", Map.of())))
                .get(0).get(0), "a payment from before 0.4 has no vehicle type recorded");
    }

    private static String code(Runnable call) {
        return assertThrows(ParkirException.class, call::run).code();
    }

    /** Writes every cell as text, a line per row and one for the totals. */
    private static final class TextExporter implements ReportExporter {
        @Override
        public String format() {
            return "txt";
        }

        @Override
        public String mediaType() {
            return "text/plain";
        }

        @Override
        public String extension() {
            return "txt";
        }

        @Override
        public void write(Report report, OutputStream out) throws IOException {
            StringBuilder text = new StringBuilder();
            report.rows(row -> text.append(row).append('\n'));
            text.append(report.totals()).append('\n');
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
