-- Parkir 0.3: the admin dashboard's statistics (GET /api/stats/today, hourly, daily) read a stretch
-- of an index per figure and never a session or payment row, however long the history.
-- Payments of a time range: how many, their revenue and the revenue per method, from the index alone.
CREATE INDEX IX_PAYMENT_PAID_AT_TOTALS ON PARKIR_PAYMENT (PAID_AT, METHOD, TOTAL);
-- Replaced by the one above, which serves every query it served.
DROP INDEX IX_PAYMENT_PAID_AT;
-- Lost-ticket exits of a time range: the few rows of lost tickets, by exit time.
CREATE INDEX IX_SESSION_LOST_EXIT ON PARKIR_SESSION (LOST_TICKET, EXIT_AT);
