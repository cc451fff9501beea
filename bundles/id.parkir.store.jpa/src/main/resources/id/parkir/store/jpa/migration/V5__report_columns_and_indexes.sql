-- Parkir 0.4: the back office's reports (GET /api/reports/{kind}, parkir:report). Their figures are
-- counted by the database over one stretch of one index each, and their rows are read in short
-- pages along an index, so neither grows with the years of history before the period.

-- A payment carries what its revenue is grouped and filtered by, written with it: the stay's
-- vehicle type, zone and entry gate, whether the ticket was lost, the nights charged, and the parts
-- of the total that were the lost-ticket fine and the overnight charge (what those made the tariff
-- add). A stay carries its payment method and the same parts, so the session list needs no join.
ALTER TABLE PARKIR_PAYMENT ADD COLUMN VEHICLE_TYPE VARCHAR(16);
ALTER TABLE PARKIR_PAYMENT ADD COLUMN ZONE_CODE VARCHAR(16);
ALTER TABLE PARKIR_PAYMENT ADD COLUMN GATE VARCHAR(32);
ALTER TABLE PARKIR_PAYMENT ADD COLUMN LOST_TICKET ${bool};
ALTER TABLE PARKIR_PAYMENT ADD COLUMN NIGHTS INTEGER;
ALTER TABLE PARKIR_PAYMENT ADD COLUMN FINE BIGINT;
ALTER TABLE PARKIR_PAYMENT ADD COLUMN OVERNIGHT_CHARGE BIGINT;
ALTER TABLE PARKIR_SESSION ADD COLUMN PAYMENT_METHOD VARCHAR(32);
ALTER TABLE PARKIR_SESSION ADD COLUMN NIGHTS INTEGER;
ALTER TABLE PARKIR_SESSION ADD COLUMN FINE BIGINT;
ALTER TABLE PARKIR_SESSION ADD COLUMN OVERNIGHT_CHARGE BIGINT;

-- Earlier payments: what their stays say. Their fines and overnight charges were not itemised
-- (they stay null and count as parking fees in the reports).
UPDATE PARKIR_PAYMENT SET
    VEHICLE_TYPE = (SELECT S.VEHICLE_TYPE FROM PARKIR_SESSION S WHERE S.ID = PARKIR_PAYMENT.SESSION_ID),
    ZONE_CODE = (SELECT S.ZONE_CODE FROM PARKIR_SESSION S WHERE S.ID = PARKIR_PAYMENT.SESSION_ID),
    GATE = (SELECT S.GATE FROM PARKIR_SESSION S WHERE S.ID = PARKIR_PAYMENT.SESSION_ID),
    LOST_TICKET = (SELECT S.LOST_TICKET FROM PARKIR_SESSION S WHERE S.ID = PARKIR_PAYMENT.SESSION_ID);
UPDATE PARKIR_SESSION SET PAYMENT_METHOD = (SELECT P.METHOD FROM PARKIR_PAYMENT P WHERE P.SESSION_ID = PARKIR_SESSION.ID)
    WHERE STATUS = 'PAID';

-- Revenue of a period grouped by day, method, vehicle type, zone, gate or cashier, with its
-- filters, fines, overnight charges, lost tickets and overnight stays: from this index alone. It
-- begins with the columns of IX_PAYMENT_PAID_AT_TOTALS (V4), which it replaces for the dashboard.
CREATE INDEX IX_PAYMENT_REPORT ON PARKIR_PAYMENT (PAID_AT, METHOD, TOTAL, VEHICLE_TYPE, ZONE_CODE, GATE, CASHIER, FINE,
    OVERNIGHT_CHARGE, LOST_TICKET, NIGHTS);
DROP INDEX IX_PAYMENT_PAID_AT_TOTALS;
-- The sessions of a period in entry order, paged by (ENTRY_AT, ID); the entries per minute with
-- the traffic report's filters from the index alone (ID is unique, so the columns after it do not
-- change the order).
CREATE INDEX IX_SESSION_ENTRY_REPORT ON PARKIR_SESSION (ENTRY_AT, ID, VEHICLE_TYPE, ZONE_CODE, GATE);
-- Exits per minute and the length of each stay (traffic: average and median stay, occupancy).
CREATE INDEX IX_SESSION_EXIT_REPORT ON PARKIR_SESSION (EXIT_AT, ENTRY_AT, VEHICLE_TYPE, ZONE_CODE, GATE);
-- The closed shifts of a period, in closing order.
CREATE INDEX IX_SHIFT_CLOSED ON PARKIR_SHIFT (CLOSED_AT, ID);
