package id.parkir.api.security;

import id.parkir.api.parking.Page;
import java.util.List;

/** Searching the activity (audit) log, for the admin's log screen; each search is bounded and indexed. */
public interface ActivityLog {
    /**
     * The entries that match, newest first, one page of them; paging reaches the first 10,000 and
     * the total counts up to 10,000 ({@code totalExact} false beyond).
     *
     * @throws id.parkir.api.ParkirException 400 for a bad filter or page
     */
    Page<ActivityEntry> search(ActivityQuery query);

    /** The distinct action names in the log, in alphabetical order (at most 200). */
    List<String> actions();
}
