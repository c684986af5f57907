-- integer-division on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): a ratio of integer
-- aggregates truncates. Each wrong query sits beside its correct twin (no "-- expect:" line).
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: cancellation-rate-filter-over-count
-- expect: integer-division
-- why: bigint / bigint: 29,800 / 250,000 comes out 0
SELECT count(*) FILTER (WHERE state = 4) / count(*) AS cancel_rate
FROM orders;

-- case: cancellation-rate-numeric
SELECT count(*) FILTER (WHERE state = 4)::numeric / count(*) AS cancel_rate
FROM orders;

-- case: average-quantity-per-sku-sum-over-count
-- expect: integer-division
-- why: quantity is integer, sum(integer) is bigint: the average is truncated to a whole number
SELECT oi.sku, sum(oi.quantity) / count(*) AS avg_quantity
FROM order_items oi
GROUP BY oi.sku
ORDER BY avg_quantity DESC
LIMIT 20;

-- case: average-quantity-per-sku-avg
SELECT oi.sku, avg(oi.quantity) AS avg_quantity
FROM order_items oi
GROUP BY oi.sku
ORDER BY avg_quantity DESC
LIMIT 20;

-- case: share-of-users-with-phone-count-over-count
-- expect: integer-division
-- why: count(phone) / count(*) is 0 for every account
SELECT u.account_id, count(u.phone) / count(*) AS with_phone
FROM users u
WHERE u.deleted_at IS NULL
GROUP BY u.account_id
ORDER BY with_phone
LIMIT 20;

-- case: share-of-users-with-phone-percent
SELECT u.account_id, round(100.0 * count(u.phone) / count(*), 1) AS with_phone_pct
FROM users u
WHERE u.deleted_at IS NULL
GROUP BY u.account_id
ORDER BY with_phone_pct
LIMIT 20;

-- case: paid-share-per-account-cte
-- expect: integer-division
-- why: both CTE columns are counts (bigint): paid / total truncates to 0 or 1
WITH per_account AS (
    SELECT i.account_id,
           count(*) FILTER (WHERE lower(btrim(i.status)) = 'paid') AS paid,
           count(*) AS total
    FROM billing.invoices i
    GROUP BY i.account_id
)
SELECT account_id, paid / total AS paid_share
FROM per_account
ORDER BY paid_share
LIMIT 20;

-- case: paid-share-per-account-cte-numeric
WITH per_account AS (
    SELECT i.account_id,
           count(*) FILTER (WHERE lower(btrim(i.status)) = 'paid') AS paid,
           count(*) AS total
    FROM billing.invoices i
    GROUP BY i.account_id
)
SELECT account_id, round(paid::numeric / total, 3) AS paid_share
FROM per_account
ORDER BY paid_share
LIMIT 20;

-- case: card-heavy-invoices-having
-- expect: integer-division
-- why: the ratio is 0 or 1, so "> 0.5" keeps only the invoices paid entirely by card
SELECT p.invoice_id
FROM billing.payments p
WHERE NOT p.is_deleted
GROUP BY p.invoice_id
HAVING count(*) FILTER (WHERE p.method = 'card') / count(*) > 0.5;

-- case: card-heavy-invoices-having-numeric
SELECT p.invoice_id
FROM billing.payments p
WHERE NOT p.is_deleted
GROUP BY p.invoice_id
HAVING count(*) FILTER (WHERE p.method = 'card')::numeric / count(*) > 0.5;

-- case: test-share-per-plan-mixed-case-case-sum
-- expect: integer-division
-- why: SUM(CASE … THEN 1 ELSE 0 END) is bigint, COUNT(*) too
SELECT A.Plan, SUM(CASE WHEN A.Is_Test THEN 1 ELSE 0 END) / COUNT(*) AS Test_Share
FROM Public.Accounts A
GROUP BY A.Plan
ORDER BY Test_Share DESC;

-- case: test-share-per-plan-mixed-case-avg
SELECT A.Plan, AVG(CASE WHEN A.Is_Test THEN 1 ELSE 0 END) AS Test_Share
FROM Public.Accounts A
GROUP BY A.Plan
ORDER BY Test_Share DESC;

-- case: items-per-order-ratio-subquery
-- expect: integer-division
-- why: two counts from subqueries in FROM: 200,000 items / 100,000 orders is 2, exactly by luck, but 2.4 would be 2 too
SELECT i.items / o.orders AS items_per_order
FROM (SELECT count(*) AS items FROM order_items) i
CROSS JOIN (SELECT count(*) AS orders FROM orders WHERE id <= 100000) o;

-- case: items-per-order-ratio-subquery-numeric
SELECT i.items::numeric / o.orders AS items_per_order
FROM (SELECT count(*) AS items FROM order_items) i
CROSS JOIN (SELECT count(*) AS orders FROM orders WHERE id <= 100000) o;

-- case: average-order-value-bigint-sum
-- why: sum(bigint) is numeric, so this division is exact
SELECT sum(o.total_cents) / count(*) AS avg_cents
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE NOT a.is_test;

-- case: orders-per-ten-days-constant
-- why: a division by a constant is not a ratio of aggregates
SELECT date_trunc('month', o.created_at) AS month, count(*) / 10 AS per_ten_days
FROM orders o
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
GROUP BY 1
ORDER BY 1;

-- case: whole-percent-on-purpose
-- why: 100 * count … / count is a whole percentage, truncated on purpose
SELECT 100 * count(*) FILTER (WHERE state = 4) / count(*) AS cancelled_pct
FROM orders;

-- case: phone-share-rounded
-- expect: integer-division
-- why: round() of an integer ratio rounds a 0
SELECT round(count(u.phone) / count(*), 2) AS with_phone
FROM users u
WHERE u.deleted_at IS NULL;

-- case: phone-share-float
SELECT round((count(u.phone)::float / count(*))::numeric, 2) AS with_phone
FROM users u
WHERE u.deleted_at IS NULL;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: integer-division
-- why: written as an assistant would, after the rule existed
SELECT sum(quantity) / count(*) AS avg_qty FROM order_items;

-- case: probe-2-right
SELECT sum(quantity)::numeric / count(*) AS avg_qty FROM order_items;

-- case: probe-3-wrong
-- expect: integer-division
-- why: written as an assistant would, after the rule existed
SELECT count(*) FILTER (WHERE state = 2) / count(*) AS share FROM orders WHERE deleted_at IS NULL;

-- case: probe-4-right
SELECT count(*) FILTER (WHERE state = 2) * 1.0 / count(*) AS share FROM orders WHERE deleted_at IS NULL;
