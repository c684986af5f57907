-- date-upper-bound on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): a timestamp compared
-- <= (or BETWEEN … AND) a date-only literal stops at midnight, so the last day is cut. Each wrong query sits beside
-- its correct twin (no "-- expect:" line).
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: january-orders-less-or-equal
-- expect: date-upper-bound
-- why: created_at <= '2025-01-31' stops at 2025-01-31 00:00: January 31 is missing
SELECT count(*) AS january_orders
FROM orders o
WHERE o.created_at >= '2025-01-01'
  AND o.created_at <= '2025-01-31';

-- case: january-orders-half-open
SELECT count(*) AS january_orders
FROM orders o
WHERE o.created_at >= '2025-01-01'
  AND o.created_at < '2025-02-01';

-- case: march-payments-between
-- expect: date-upper-bound
-- why: BETWEEN '2025-03-01' AND '2025-03-31' misses the payments of March 31
SELECT p.method, count(*) AS payments
FROM billing.payments p
WHERE p.paid_at BETWEEN '2025-03-01' AND '2025-03-31'
  AND NOT p.is_deleted
GROUP BY p.method
ORDER BY payments DESC;

-- case: march-payments-half-open
SELECT p.method, count(*) AS payments
FROM billing.payments p
WHERE p.paid_at >= '2025-03-01' AND p.paid_at < '2025-04-01'
  AND NOT p.is_deleted
GROUP BY p.method
ORDER BY payments DESC;

-- case: events-up-to-new-year-typed-date
-- expect: date-upper-bound
-- why: DATE '2024-12-31' is still midnight when compared with a timestamptz
SELECT count(*) AS events_2024
FROM events e
WHERE e.created_at >= DATE '2024-01-01'
  AND e.created_at <= DATE '2024-12-31';

-- case: events-up-to-new-year-typed-date-half-open
SELECT count(*) AS events_2024
FROM events e
WHERE e.created_at >= DATE '2024-01-01'
  AND e.created_at < DATE '2025-01-01';

-- case: first-half-june-at-time-zone-between
-- expect: date-upper-bound
-- why: AT TIME ZONE gives a timestamp: June 15 is cut at midnight
SELECT o.id, o.total_cents
FROM orders o
WHERE o.created_at AT TIME ZONE 'UTC' BETWEEN '2025-06-01' AND '2025-06-15'
ORDER BY o.id;

-- case: first-half-june-at-time-zone-half-open
SELECT o.id, o.total_cents
FROM orders o
WHERE o.created_at AT TIME ZONE 'UTC' >= '2025-06-01'
  AND o.created_at AT TIME ZONE 'UTC' < '2025-06-16'
ORDER BY o.id;

-- case: signups-until-year-end-mirrored
-- expect: date-upper-bound
-- why: written the other way round: '2024-12-31' >= created_at
SELECT count(*) AS signups
FROM users u
WHERE '2024-12-31' >= u.created_at
  AND u.created_at > timestamptz '1970-01-01 00:00:00+00'
  AND u.deleted_at IS NULL;

-- case: signups-until-year-end-mirrored-half-open
SELECT count(*) AS signups
FROM users u
WHERE '2025-01-01' > u.created_at
  AND u.created_at > timestamptz '1970-01-01 00:00:00+00'
  AND u.deleted_at IS NULL;

-- case: legacy-customers-of-2010-timestamp-without-zone
-- expect: date-upper-bound
-- why: customer_master.created is a timestamp without time zone: December 31 after midnight is left out
SELECT cm.cust_id, cm.cust_nm, cm.created
FROM legacy.customer_master cm
WHERE cm.created BETWEEN '2010-01-01' AND '2010-12-31'
ORDER BY cm.created;

-- case: legacy-customers-of-2010-half-open
SELECT cm.cust_id, cm.cust_nm, cm.created
FROM legacy.customer_master cm
WHERE cm.created >= '2010-01-01' AND cm.created < '2011-01-01'
ORDER BY cm.created;

-- case: june-refunds-cte-mixed-case
-- expect: date-upper-bound
-- why: the CTE keeps refunds up to June 30 00:00 only
WITH June_Refunds AS (
    SELECT R.Id, R.Amount_Cents, R.Reason
    FROM Billing.Refunds R
    WHERE R.Created_At >= '2025-06-01'
      AND R.Created_At <= '2025-06-30'
)
SELECT Reason, COUNT(*) AS Refunds
FROM June_Refunds
GROUP BY Reason
ORDER BY Refunds DESC;

-- case: june-refunds-cte-mixed-case-half-open
WITH June_Refunds AS (
    SELECT R.Id, R.Amount_Cents, R.Reason
    FROM Billing.Refunds R
    WHERE R.Created_At >= '2025-06-01'
      AND R.Created_At < '2025-07-01'
)
SELECT Reason, COUNT(*) AS Refunds
FROM June_Refunds
GROUP BY Reason
ORDER BY Refunds DESC;

-- case: invoices-due-in-january-date-column
-- why: due_date is a date: BETWEEN with whole days is exact
SELECT count(*) AS due_in_january
FROM billing.invoices i
WHERE i.due_date BETWEEN '2025-01-01' AND '2025-01-31';

-- case: january-orders-cast-to-date
-- why: created_at::date compares whole days
SELECT count(*) AS january_orders
FROM orders o
WHERE o.created_at::date BETWEEN '2025-01-01' AND '2025-01-31';

-- case: january-orders-explicit-end-time
-- why: the bound carries a time of day, so the writer chose where it stops
SELECT count(*) AS january_orders
FROM orders o
WHERE o.created_at >= '2025-01-01 00:00:00'
  AND o.created_at <= '2025-01-31 23:59:59.999999';

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: date-upper-bound
-- why: written as an assistant would, after the rule existed
SELECT count(*) FROM orders WHERE created_at BETWEEN '2024-01-01' AND '2024-01-31' AND deleted_at IS NULL;

-- case: probe-2-wrong
-- expect: date-upper-bound
-- why: written as an assistant would, after the rule existed
SELECT count(*) FROM orders WHERE created_at >= '2024-03-01' AND created_at <= '2024-03-31' AND deleted_at IS NULL;

-- case: probe-3-right
SELECT count(*) FROM orders WHERE created_at >= '2024-01-01' AND created_at < '2024-02-01' AND deleted_at IS NULL;

-- case: probe-4-right
SELECT count(*) FROM billing.invoices WHERE due_date BETWEEN '2024-01-01' AND '2024-01-31';
