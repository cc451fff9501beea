package id.parkir.core.internal;

import id.parkir.store.jpa.ParkirStore;
import java.util.concurrent.Executor;

/**
 * What every report kind is made from: the database (and a thread that reads the next page of rows
 * while one is written), the words, the site, the checked period, filters and grouping.
 */
record ReportContext(ParkirStore store, Executor reader, ReportText text, String siteName, ReportPeriod period,
                     ReportFilters filters, String by) {
}
