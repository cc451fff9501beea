-- Parkir 0.3: the admin's activity log search (GET /api/activity/search, /api/activity/actions).
-- Each filter reads its own stretch of an index that is ordered as the list is (newest first, the
-- id breaking ties within a millisecond), so a page is read in index order and never sorted:
-- Derby does not read an ascending index backwards for ORDER BY ... DESC.
CREATE INDEX IX_ACTIVITY_AT_DESC ON PARKIR_ACTIVITY (AT_MILLIS DESC, ID DESC);
CREATE INDEX IX_ACTIVITY_USER_AT_DESC ON PARKIR_ACTIVITY (USERNAME, AT_MILLIS DESC, ID DESC);
-- The action filter, and the list of action names (one step along this index per name).
CREATE INDEX IX_ACTIVITY_EVENT_AT_DESC ON PARKIR_ACTIVITY (EVENT, AT_MILLIS DESC, ID DESC);
-- Replaced by the two above, which serve every query they served.
DROP INDEX IX_ACTIVITY_AT;
DROP INDEX IX_ACTIVITY_USER;
