-- union-drops-duplicates on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): UNION removes
-- equal rows before SUM/AVG/COUNT see them. Each wrong query sits beside its correct twin (no "-- expect:" line).
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: net-cash-flow-union
-- expect: union-drops-duplicates
-- why: payments and refunds of the same amount collapse into one row: the net is wrong
SELECT sum(t.amount) / 100.0 AS net
FROM (
    SELECT p.amount_cents AS amount FROM billing.payments p WHERE NOT p.is_deleted
    UNION
    SELECT -r.amount_cents FROM billing.refunds r
) t;

-- case: net-cash-flow-union-all
SELECT sum(t.amount) / 100.0 AS net
FROM (
    SELECT p.amount_cents AS amount FROM billing.payments p WHERE NOT p.is_deleted
    UNION ALL
    SELECT -r.amount_cents FROM billing.refunds r
) t;

-- case: orders-live-and-archived-count
-- expect: union-drops-duplicates
-- why: order_archive holds 100 exact duplicate rows (and no key): UNION counts them once
SELECT count(*) AS all_orders
FROM (
    SELECT oa.cust_id, oa.amount FROM legacy.order_archive oa
    UNION
    SELECT o.account_id, o.total_cents / 100.0 FROM orders o
) x;

-- case: orders-live-and-archived-count-all
SELECT count(*) AS all_orders
FROM (
    SELECT oa.cust_id, oa.amount FROM legacy.order_archive oa
    UNION ALL
    SELECT o.account_id, o.total_cents / 100.0 FROM orders o
) x;

-- case: average-ticket-cte
-- expect: union-drops-duplicates
-- why: equal invoice and order amounts are averaged once
WITH amounts AS (
    SELECT i.amount_cents FROM billing.invoices i WHERE i.due_date >= date '2025-01-01'
    UNION
    SELECT o.total_cents FROM orders o WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00' AND o.state <> 4
)
SELECT avg(amount_cents) AS average_cents
FROM amounts;

-- case: average-ticket-cte-all
WITH amounts AS (
    SELECT i.amount_cents FROM billing.invoices i WHERE i.due_date >= date '2025-01-01'
    UNION ALL
    SELECT o.total_cents FROM orders o WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00' AND o.state <> 4
)
SELECT avg(amount_cents) AS average_cents
FROM amounts;

-- case: cash-by-method-mixed-case
-- expect: union-drops-duplicates
-- why: equal payments of one method collapse before SUM
SELECT Method, SUM(Amount) / 100.0 AS Total
FROM (
    SELECT P.Method, P.Amount_Cents AS Amount FROM Billing.Payments P WHERE NOT P.Is_Deleted
    UNION
    SELECT 'refund', -R.Amount_Cents FROM Billing.Refunds R
) T
GROUP BY Method
ORDER BY Method;

-- case: cash-by-method-mixed-case-all
SELECT Method, SUM(Amount) / 100.0 AS Total
FROM (
    SELECT P.Method, P.Amount_Cents AS Amount FROM Billing.Payments P WHERE NOT P.Is_Deleted
    UNION ALL
    SELECT 'refund', -R.Amount_Cents FROM Billing.Refunds R
) T
GROUP BY Method
ORDER BY Method;

-- case: activity-per-day-count
-- expect: union-drops-duplicates
-- why: two comments on the same day by the same kind collapse: the activity count is the number of distinct days
SELECT count(*) AS activity
FROM (
    SELECT 'order' AS kind, o.created_at::date AS day FROM orders o WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
    UNION
    SELECT 'comment', c.created_at::date FROM comments c WHERE c.created_at >= timestamptz '2025-06-01 00:00:00+00'
) a;

-- case: activity-per-day-count-all
SELECT count(*) AS activity
FROM (
    SELECT 'order' AS kind, o.created_at::date AS day FROM orders o WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
    UNION ALL
    SELECT 'comment', c.created_at::date FROM comments c WHERE c.created_at >= timestamptz '2025-06-01 00:00:00+00'
) a;

-- case: quantities-in-a-scalar-subquery
-- expect: union-drops-duplicates
-- why: inside the scalar subquery, equal quantities of the two order ranges collapse
SELECT (
    SELECT sum(q.quantity)
    FROM (
        SELECT oi.quantity FROM order_items oi WHERE oi.order_id < 100
        UNION
        SELECT oi.quantity FROM order_items oi WHERE oi.order_id > 99900
    ) q
) AS units;

-- case: quantities-in-a-scalar-subquery-all
SELECT (
    SELECT sum(q.quantity)
    FROM (
        SELECT oi.quantity FROM order_items oi WHERE oi.order_id < 100
        UNION ALL
        SELECT oi.quantity FROM order_items oi WHERE oi.order_id > 99900
    ) q
) AS units;

-- case: distinct-active-users-idiom
-- why: the union of user ids counts each active user once, on purpose
SELECT count(*) AS active_users
FROM (
    SELECT o.user_id FROM orders o WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
    UNION
    SELECT c.author_id FROM comments c WHERE c.created_at >= timestamptz '2025-06-01 00:00:00+00'
) u;

-- case: cancelled-or-recent-orders-keyed-union
-- why: each branch selects orders.id, so only an order matching both branches collapses, which is what is meant
SELECT sum(t.total_cents) / 100.0 AS amount
FROM (
    SELECT o.id, o.total_cents FROM orders o WHERE o.state = 4
    UNION
    SELECT o.id, o.total_cents FROM orders o WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
) t;

-- case: money-moved-cte-mixed-case
-- expect: union-drops-duplicates
-- why: a refund and a payment of the same amount count once
WITH X AS (
    SELECT Amount_Cents FROM Billing.Refunds
    UNION
    SELECT Amount_Cents FROM Billing.Payments WHERE NOT Is_Deleted
)
SELECT SUM(Amount_Cents) AS Moved
FROM X;

-- case: money-moved-cte-mixed-case-all
WITH X AS (
    SELECT Amount_Cents FROM Billing.Refunds
    UNION ALL
    SELECT Amount_Cents FROM Billing.Payments WHERE NOT Is_Deleted
)
SELECT SUM(Amount_Cents) AS Moved
FROM X;

-- case: distinct-contact-emails-idiom
-- why: counting the union of one column counts distinct addresses, on purpose
SELECT count(*) AS contacts
FROM (
    SELECT email FROM users WHERE deleted_at IS NULL
    UNION
    SELECT email_addr FROM legacy.customer_master
) e;

-- case: days-of-june-recursive-cte
-- why: in WITH RECURSIVE, UNION is what stops the recursion on repeated rows: deliberate
WITH RECURSIVE days(d) AS (
    SELECT date '2025-06-01'
    UNION
    SELECT d + 1 FROM days WHERE d < date '2025-06-30'
)
SELECT count(*) AS days_in_june
FROM days;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: union-drops-duplicates
-- why: written as an assistant would, after the rule existed
SELECT sum(amount_cents) FROM (SELECT amount_cents FROM billing.payments WHERE NOT is_deleted UNION SELECT amount_cents FROM billing.refunds) t;

-- case: probe-2-right
SELECT sum(amount_cents) FROM (SELECT amount_cents FROM billing.payments WHERE NOT is_deleted UNION ALL SELECT amount_cents FROM billing.refunds) t;
