package id.parkir.core.internal;

import id.parkir.api.ParkirException;
import java.util.Map;

/**
 * The words of the reports (titles, column headings, filter names, values such as vehicle types)
 * in Indonesian and English: a report is written in the language it was asked in ({@code lang}).
 */
final class ReportText {
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            w("title.revenue", "Laporan Pendapatan", "Revenue report"),
            w("title.traffic", "Laporan Lalu Lintas Kendaraan", "Traffic report"),
            w("title.sessions", "Laporan Sesi Parkir", "Parking sessions"),
            w("title.lost-overnight", "Laporan Tiket Hilang dan Kendaraan Menginap", "Lost tickets and overnight stays"),
            w("title.shifts", "Laporan Shift", "Shift report"),
            w("title.activity", "Log Aktivitas", "Activity log"),
            w("filter.zone", "Zona", "Zone"), w("filter.gate", "Gerbang", "Gate"),
            w("filter.vehicleType", "Jenis kendaraan", "Vehicle type"), w("filter.method", "Metode bayar", "Payment method"),
            w("filter.cashier", "Kasir", "Cashier"), w("filter.user", "Pengguna", "User"), w("filter.action", "Aksi", "Action"),
            w("filter.q", "Teks", "Text"), w("filter.by", "Per", "By"),
            w("by.day", "hari", "day"), w("by.hour", "jam", "hour"), w("by.method", "metode bayar", "payment method"),
            w("by.vehicleType", "jenis kendaraan", "vehicle type"), w("by.cashier", "kasir", "cashier"),
            w("by.zone", "zona", "zone"), w("by.gate", "gerbang", "gate"),
            w("col.date", "Tanggal", "Date"), w("col.hour", "Jam", "Hour"), w("col.method", "Metode bayar", "Payment method"),
            w("col.vehicleType", "Jenis kendaraan", "Vehicle type"), w("col.cashier", "Kasir", "Cashier"),
            w("col.zone", "Zona", "Zone"), w("col.gate", "Gerbang", "Gate"),
            w("col.transactions", "Transaksi", "Payments"), w("col.lostTickets", "Tiket hilang", "Lost tickets"),
            w("col.overnightStays", "Menginap", "Overnight stays"), w("col.parking", "Biaya parkir", "Parking fees"),
            w("col.overnightCharge", "Biaya menginap", "Overnight charges"), w("col.fine", "Denda tiket hilang", "Lost-ticket fines"),
            w("col.total", "Total", "Total"), w("col.entries", "Masuk", "Entries"), w("col.exits", "Keluar", "Exits"),
            w("col.averageStay", "Rata-rata lama parkir (menit)", "Average stay (minutes)"),
            w("col.medianStay", "Median lama parkir (menit)", "Median stay (minutes)"),
            w("col.peakOccupancy", "Okupansi puncak", "Peak occupancy"), w("col.peakAt", "Waktu puncak", "Peak at"),
            w("col.ticket", "Tiket", "Ticket"), w("col.plate", "Plat nomor", "Plate"), w("col.entryTime", "Waktu masuk", "Entry time"),
            w("col.enteredBy", "Petugas masuk", "Entered by"), w("col.exitTime", "Waktu keluar", "Exit time"),
            w("col.duration", "Lama (menit)", "Stay (minutes)"), w("col.status", "Status", "Status"),
            w("col.lostTicket", "Tiket hilang", "Lost ticket"), w("col.nights", "Malam", "Nights"),
            w("col.receipt", "Kuitansi", "Receipt"), w("col.paidAt", "Waktu bayar", "Paid at"),
            w("col.shift", "Shift", "Shift"), w("col.openedAt", "Dibuka", "Opened"), w("col.closedAt", "Ditutup", "Closed"),
            w("col.openingCash", "Kas awal", "Opening cash"), w("col.cash", "Tunai", "Cash"), w("col.nonCash", "Non-tunai", "Non-cash"),
            w("col.cashExpected", "Kas seharusnya", "Cash expected"), w("col.countedCash", "Kas dihitung", "Cash counted"),
            w("col.difference", "Selisih", "Difference"), w("col.time", "Waktu", "Time"), w("col.user", "Pengguna", "User"),
            w("col.action", "Aksi", "Action"), w("col.detail", "Rincian", "Detail"),
            w("type.motorcycle", "Motor", "Motorcycle"), w("type.car", "Mobil", "Car"), w("type.truck", "Truk", "Truck"),
            w("type.bus", "Bus", "Bus"), w("status.INSIDE", "Di dalam", "Inside"), w("status.PAID", "Lunas", "Paid"),
            w("method.cash", "Tunai", "Cash"), w("method.qris", "QRIS", "QRIS"),
            w("unknown", "(tidak tercatat)", "(not recorded)"), w("yes", "Ya", "Yes"), w("chart.revenue", "Pendapatan", "Revenue"),
            w("chart.traffic", "Kendaraan masuk dan keluar", "Entries and exits"));

    private final int language;

    private ReportText(int language) {
        this.language = language;
    }

    /** {@code id} (also when absent) or {@code en}; anything else is a 400. */
    static ReportText of(String language) {
        if (language == null || language.isBlank() || language.trim().equalsIgnoreCase("id")) {
            return new ReportText(0);
        }
        if (language.trim().equalsIgnoreCase("en")) {
            return new ReportText(1);
        }
        throw ParkirException.invalid("lang_invalid", "lang must be id or en");
    }

    String get(String key) {
        String[] w = WORDS.get(key);
        return w == null ? key : w[language];
    }

    /** A value's word if there is one (a vehicle type, a status), else the value as stored. */
    String value(String prefix, String value) {
        if (value == null) {
            return null;
        }
        String[] w = WORDS.get(prefix + "." + value);
        return w == null ? value : w[language];
    }

    private static Map.Entry<String, String[]> w(String key, String id, String en) {
        return Map.entry(key, new String[] {id, en});
    }
}
