-- contradictory-condition on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): conditions
-- joined by AND that no value can meet together. Each wrong query sits beside its correct twin (no "-- expect:").
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: shipped-or-delivered-orders-and-equal
-- expect: contradictory-condition
-- why: "shipped and delivered" written as state = 2 AND state = 3: no order is both
SELECT count(*) AS shipped_or_delivered
FROM orders
WHERE state = 2
  AND state = 3;

-- case: shipped-or-delivered-orders-in
SELECT count(*) AS shipped_or_delivered
FROM orders
WHERE state IN (2, 3);

-- case: orders-in-spring-bounds-swapped
-- expect: contradictory-condition
-- why: after June and before March at once: empty
SELECT o.id, o.total_cents, o.created_at
FROM orders o
WHERE o.created_at > '2025-06-01'
  AND o.created_at < '2025-03-01'
ORDER BY o.created_at
LIMIT 100;

-- case: orders-in-spring-bounds-in-order
SELECT o.id, o.total_cents, o.created_at
FROM orders o
WHERE o.created_at > '2025-03-01'
  AND o.created_at < '2025-06-01'
ORDER BY o.created_at
LIMIT 100;

-- case: card-or-sepa-payments-then-wire
-- expect: contradictory-condition
-- why: the IN list and the equality exclude each other
SELECT p.id, p.amount_cents, p.paid_at
FROM billing.payments p
WHERE p.method IN ('card', 'sepa')
  AND NOT p.is_deleted
  AND p.method = 'wire'
ORDER BY p.paid_at DESC
LIMIT 20;

-- case: card-or-sepa-payments
SELECT p.id, p.amount_cents, p.paid_at
FROM billing.payments p
WHERE p.method IN ('card', 'sepa')
  AND NOT p.is_deleted
ORDER BY p.paid_at DESC
LIMIT 20;

-- case: invoice-number-range-between-reversed
-- expect: contradictory-condition
-- why: BETWEEN 100200 AND 100100 is empty: the low bound comes first
SELECT i.number, i.amount_cents, i.status
FROM billing.invoices i
WHERE i.number BETWEEN 100200 AND 100100
ORDER BY i.number;

-- case: invoice-number-range-between
SELECT i.number, i.amount_cents, i.status
FROM billing.invoices i
WHERE i.number BETWEEN 100100 AND 100200
ORDER BY i.number;

-- case: invoices-due-in-february-typed-dates-swapped
-- expect: contradictory-condition
-- why: due on or after March and before February
SELECT count(*) AS due_in_february
FROM billing.invoices i
WHERE i.due_date >= date '2025-03-01'
  AND i.due_date < date '2025-02-01';

-- case: invoices-due-in-february-typed-dates
SELECT count(*) AS due_in_february
FROM billing.invoices i
WHERE i.due_date >= date '2025-02-01'
  AND i.due_date < date '2025-03-01';

-- case: payments-in-april-mixed-case-swapped
-- expect: contradictory-condition
-- why: schema-qualified, mixed case, typed timestamptz bounds in the wrong order
SELECT COUNT(*) AS Payments
FROM Billing.Payments P
WHERE P.Paid_At >= TIMESTAMPTZ '2025-05-01 00:00:00+00'
  AND P.Paid_At < TIMESTAMPTZ '2025-04-01 00:00:00+00'
  AND NOT P.Is_Deleted;

-- case: payments-in-april-mixed-case
SELECT COUNT(*) AS Payments
FROM Billing.Payments P
WHERE P.Paid_At >= TIMESTAMPTZ '2025-04-01 00:00:00+00'
  AND P.Paid_At < TIMESTAMPTZ '2025-05-01 00:00:00+00'
  AND NOT P.Is_Deleted;

-- case: open-orders-cte-pending-and-processing
-- expect: contradictory-condition
-- why: "pending and processing" inside the CTE: state cannot be 0 and 1
WITH open_orders AS (
    SELECT id, user_id, created_at
    FROM orders
    WHERE state = 0 AND state = 1
)
SELECT u.email, count(*) AS open_orders
FROM open_orders oo
JOIN users u ON u.id = oo.user_id
WHERE u.deleted_at IS NULL
GROUP BY u.email
ORDER BY open_orders DESC
LIMIT 10;

-- case: open-orders-cte-pending-or-processing
WITH open_orders AS (
    SELECT id, user_id, created_at
    FROM orders
    WHERE state IN (0, 1)
)
SELECT u.email, count(*) AS open_orders
FROM open_orders oo
JOIN users u ON u.id = oo.user_id
WHERE u.deleted_at IS NULL
GROUP BY u.email
ORDER BY open_orders DESC
LIMIT 10;

-- case: eur-and-usd-orders-char-column
-- expect: contradictory-condition
-- why: currency is char(3): it holds one code per order
SELECT count(*) AS orders, sum(o.total_cents) / 100.0 AS amount
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE o.currency = 'EUR'
  AND o.currency = 'USD'
  AND NOT a.is_test;

-- case: eur-or-usd-orders-char-column
SELECT count(*) AS orders, sum(o.total_cents) / 100.0 AS amount
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE o.currency IN ('EUR', 'USD')
  AND NOT a.is_test;

-- case: anonymous-comments-with-author-filter
-- expect: contradictory-condition
-- why: author_id IS NULL and author_id > 0 cannot both hold
SELECT c.id, c.body, c.created_at
FROM comments c
WHERE c.author_id IS NULL
  AND c.author_id > 0
ORDER BY c.created_at DESC
LIMIT 20;

-- case: anonymous-comments
SELECT c.id, c.body, c.created_at
FROM comments c
WHERE c.author_id IS NULL
ORDER BY c.created_at DESC
LIMIT 20;

-- case: orders-neither-shipped-nor-delivered
-- why: two exclusions on one column are fine
SELECT count(*) AS other_orders
FROM orders
WHERE state <> 2
  AND state <> 3;

-- case: orders-on-one-day-inclusive-bounds
-- why: >= and <= the same instant: one point, not empty
SELECT count(*) AS orders_at_midnight
FROM orders o
WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
  AND o.created_at <= timestamptz '2025-06-01 00:00:00+00';

-- case: orders-on-june-first-empty-half-open
-- expect: contradictory-condition
-- why: >= and < the same bound: an empty range
SELECT count(*) AS orders
FROM orders o
WHERE o.created_at >= '2025-06-01'
  AND o.created_at < '2025-06-01';

-- case: orders-on-june-first-half-open
SELECT count(*) AS orders
FROM orders o
WHERE o.created_at >= '2025-06-01'
  AND o.created_at < '2025-06-02';

-- case: not-shipped-but-delivered
-- expect: contradictory-condition
-- why: the NOT IN excludes the one value the equality asks for
SELECT count(*) AS orders
FROM orders
WHERE state NOT IN (2, 3)
  AND state = 3;

-- case: delivered-only
SELECT count(*) AS orders
FROM orders
WHERE state NOT IN (2, 4)
  AND state = 3;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: contradictory-condition
-- why: written as an assistant would, after the rule existed
SELECT id FROM orders WHERE total_cents > 1000 AND total_cents < 500 AND deleted_at IS NULL;

-- case: probe-2-wrong
-- expect: contradictory-condition, literal-not-in-values
-- why: written as an assistant would, after the rule existed
SELECT id FROM orders WHERE region_code = 'EU' AND region_code = 'US' AND deleted_at IS NULL;

-- case: probe-3-right
SELECT id FROM orders WHERE total_cents > 500 AND total_cents < 1000 AND deleted_at IS NULL;
