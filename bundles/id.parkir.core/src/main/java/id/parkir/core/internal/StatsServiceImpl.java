package id.parkir.core.internal;

import id.parkir.api.security.UserService;
import id.parkir.api.stats.DailyStats;
import id.parkir.api.stats.DayTotals;
import id.parkir.api.stats.HourCount;
import id.parkir.api.stats.HourlyStats;
import id.parkir.api.stats.StatsService;
import id.parkir.api.stats.TodayStats;
import id.parkir.store.jpa.ParkirStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The admin dashboard's figures, aggregated by the database ({@link StatsQueries}) over the
 * site's days and hours ({@link StatsCalendar}; time zone and day boundary of
 * {@code etc/id.parkir.core.cfg}). A day's figures no longer change once it has settled, so this
 * server keeps them ({@link SettledDays}, a few hundred small records): the daily list aggregates
 * only today and the days not asked for since the start, the hourly chart only its own day, so a
 * dashboard refresh costs the same however long the history. A change to a settled day's sessions
 * or payments must therefore restart this component (a configuration change does); nothing in
 * Parkir makes one.
 */
@Component(service = StatsService.class, configurationPid = "id.parkir.core")
public class StatsServiceImpl implements StatsService {
    static final String LOGIN_FAILED = "LOGIN_FAILED";

    private final ParkirStore store;
    private final UserService users;
    private final DayBoundary boundary;
    private final StatsCalendar calendar;
    /** Settled days' totals (two years' worth at most) and hours (the compare days of a few weeks). */
    private final SettledDays<DayTotals> settledTotals;
    private final SettledDays<List<HourCount>> settledHours;

    @Activate
    public StatsServiceImpl(@Reference ParkirStore store, @Reference UserService users, CoreConfig config) {
        this.store = store;
        this.users = users;
        // forgotten when a restore replaces the database
        this.settledTotals = new SettledDays<>(2 * MAX_DAYS, store::generation);
        this.settledHours = new SettledDays<>(32, store::generation);
        this.boundary = new DayBoundary(config.timeZone(), config.dayBoundary());
        this.calendar = new StatsCalendar(boundary.zone());
    }

    @Override
    public TodayStats today() {
        Instant now = Sessions.now();
        LocalDate today = calendar.today(now);
        long from = calendar.start(today);
        long to = calendar.end(today);
        long failedLogins = users.countActivity(LOGIN_FAILED, now.minus(Duration.ofHours(24)));
        return store.read(em -> {
            StatsQueries.Payments paid = StatsQueries.payments(em, from, to);
            return new TodayStats(today, StatsQueries.entries(em, from, to), paid.count(), paid.revenue(), paid.byMethod(),
                    StatsQueries.lostTickets(em, from, to), StatsQueries.inside(em),
                    StatsQueries.insideBefore(em, boundary.lastBoundary(now).toEpochMilli()), failedLogins);
        });
    }

    @Override
    public HourlyStats hourly(LocalDate date) {
        Instant now = Sessions.now();
        LocalDate today = calendar.today(now);
        LocalDate day = date == null ? today : StatsCalendar.check(date, today);
        LocalDate compare = day.minusWeeks(1);
        return store.read(em -> new HourlyStats(day, hours(em, day, now), compare, hours(em, compare, now)));
    }

    private List<HourCount> hours(EntityManager em, LocalDate day, Instant now) {
        List<HourCount> kept = settledHours.get(day);
        if (kept != null) {
            return kept;
        }
        long from = calendar.start(day);
        long to = calendar.end(day);
        long[] entries = calendar.byHour(from, StatsQueries.entriesPerMinute(em, from, to));
        long[] exits = calendar.byHour(from, StatsQueries.exitsPerMinute(em, from, to));
        List<HourCount> hours = new ArrayList<>(24);
        for (int h = 0; h < 24; h++) {
            hours.add(new HourCount(h, entries[h], exits[h]));
        }
        if (calendar.settled(day, now)) {
            settledHours.put(day, List.copyOf(hours));
        }
        return hours;
    }

    @Override
    public DailyStats daily(int days) {
        Instant now = Sessions.now();
        List<LocalDate> wanted = StatsCalendar.daysUpTo(calendar.today(now), StatsCalendar.checkDays(days));
        Map<LocalDate, DayTotals> found = new LinkedHashMap<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate d : wanted) {
            DayTotals kept = settledTotals.get(d);
            if (kept == null) {
                missing.add(d);
            } else {
                found.put(d, kept);
            }
        }
        if (!missing.isEmpty()) {
            store.read(em -> {
                for (LocalDate d : missing) {
                    DayTotals totals = totals(em, d);
                    found.put(d, totals);
                    if (calendar.settled(d, now)) {
                        settledTotals.put(d, totals);
                    }
                }
                return null;
            });
        }
        return new DailyStats(wanted.stream().map(found::get).toList());
    }

    private DayTotals totals(EntityManager em, LocalDate day) {
        long from = calendar.start(day);
        long to = calendar.end(day);
        long[] paid = StatsQueries.paymentTotals(em, from, to);
        return new DayTotals(day, StatsQueries.entries(em, from, to), paid[0], paid[1]);
    }
}
