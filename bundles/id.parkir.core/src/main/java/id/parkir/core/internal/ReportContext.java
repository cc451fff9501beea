package id.parkir.core.internal;

import id.parkir.store.jpa.ParkirStore;

/** What every report kind is made from: the database, the words, the site, the checked period, filters and grouping. */
record ReportContext(ParkirStore store, ReportText text, String siteName, ReportPeriod period, ReportFilters filters,
                     String by) {
}
