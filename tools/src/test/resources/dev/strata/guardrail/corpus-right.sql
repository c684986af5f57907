-- Correct queries on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md).
-- Every case runs on the demo database and must get NO warning and NO error from the guardrail:
-- joins follow declared foreign keys or the inferred references (region_code -> regions.code,
-- sku -> products.sku, invoices.order_id -> orders.id, refunds.payment_id -> payments.id,
-- events.account_id -> accounts.id), every read of users filters deleted_at, every read of
-- billing.payments filters is_deleted, every use of comments.commentable_id / attachments.owner_id
-- constrains the matching type column, and every FROM list is connected (or uses an explicit CROSS JOIN).
-- Format: "-- case:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: revenue-per-account-last-month
-- why: orders joined to accounts through the declared orders.account_id FK, test accounts and cancelled orders excluded
SELECT a.id AS account_id,
       a.name AS account_name,
       sum(o.total_cents) / 100.0 AS revenue
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE o.created_at >= timestamptz '2025-05-01 00:00:00+00'
  AND o.created_at < timestamptz '2025-06-01 00:00:00+00'
  AND o.state <> 4
  AND NOT a.is_test
GROUP BY a.id, a.name
ORDER BY revenue DESC
LIMIT 20;

-- case: users-with-latest-order-lateral
-- why: LATERAL subquery through the declared orders.user_id FK, soft-deleted users excluded
SELECT u.id, u.email, lo.id AS last_order_id, lo.created_at AS last_order_at
FROM users u
CROSS JOIN LATERAL (
    SELECT o.id, o.created_at
    FROM orders o
    WHERE o.user_id = u.id
    ORDER BY o.created_at DESC
    LIMIT 1
) AS lo
WHERE u.deleted_at IS NULL
ORDER BY lo.created_at DESC
LIMIT 50;

-- case: comments-on-one-order
-- why: the polymorphic id is constrained by its type column
SELECT c.id, c.body, c.created_at
FROM comments c
WHERE c.commentable_type = 'order'
  AND c.commentable_id = 7920
ORDER BY c.created_at;

-- case: comments-on-invoice-by-number
-- why: invoice comments reference billing.invoices.number (bigint), with the type filter in the ON clause
SELECT i.number, i.status, c.body, c.created_at
FROM billing.invoices i
JOIN comments c ON c.commentable_type = 'invoice' AND c.commentable_id = i.number
WHERE i.number = 100036
ORDER BY c.created_at;

-- case: orders-per-region
-- why: orders.region_code -> regions.code (inferred reference), LEFT JOIN keeps the regions without orders
SELECT r.code, r.name, count(o.id) AS orders
FROM regions r
LEFT JOIN orders o ON o.region_code = r.code
GROUP BY r.code, r.name
ORDER BY orders DESC;

-- case: accounts-per-region-excluding-test
-- why: accounts.region_code -> regions.code, is_test filtered
SELECT r.name AS region, count(*) AS accounts
FROM accounts a
JOIN regions r ON r.code = a.region_code
WHERE NOT a.is_test
GROUP BY r.name
ORDER BY accounts DESC;

-- case: top-products-by-quantity
-- why: order_items.sku -> products.sku (inferred reference), discontinued products excluded
SELECT p.sku, p.name, sum(oi.quantity) AS units
FROM order_items oi
JOIN products p ON p.sku = oi.sku
WHERE NOT p.discontinued
GROUP BY p.sku, p.name
ORDER BY units DESC
LIMIT 10;

-- case: invoice-with-its-payments
-- why: payments.invoice_id -> invoices.id (declared FK, uuid on both sides), soft-deleted payments excluded
SELECT i.number, i.amount_cents, p.method, p.amount_cents AS paid_cents, p.paid_at
FROM billing.invoices i
JOIN billing.payments p ON p.invoice_id = i.id
WHERE i.number = 100004
  AND NOT p.is_deleted
ORDER BY p.paid_at;

-- case: monthly-revenue-matview
-- why: the materialized view already excludes deleted payments
SELECT month, revenue_cents / 100.0 AS revenue
FROM billing.monthly_revenue
WHERE month >= date '2024-01-01'
ORDER BY month;

-- case: refunds-per-payment-method
-- why: refunds.payment_id -> payments.id (inferred), the soft-delete flag of payments is handled
SELECT p.method, count(*) AS refunds, sum(r.amount_cents) / 100.0 AS refunded
FROM billing.refunds r
JOIN billing.payments p ON p.id = r.payment_id
WHERE p.is_deleted = false
GROUP BY p.method
ORDER BY refunds DESC;

-- case: active-users-per-account
-- why: the active_users view already hides soft-deleted users
SELECT a.name, count(au.id) AS active_users
FROM accounts a
JOIN active_users au ON au.account_id = a.id
WHERE NOT a.is_test
GROUP BY a.name
ORDER BY active_users DESC
LIMIT 10;

-- case: active-users-with-order-count
-- why: orders.user_id joined to the id of active_users, a view over users
SELECT au.id, au.email, count(o.id) AS orders
FROM active_users au
LEFT JOIN orders o ON o.user_id = au.id
WHERE au.account_id = 42
GROUP BY au.id, au.email
ORDER BY orders DESC;

-- case: order-summary-by-state-2024
-- why: the order_summary view, the state codes documented by the column comment
SELECT CASE os.state
           WHEN 0 THEN 'pending'
           WHEN 1 THEN 'processing'
           WHEN 2 THEN 'shipped'
           WHEN 3 THEN 'delivered'
           WHEN 4 THEN 'cancelled'
       END AS state_name,
       count(*) AS orders
FROM order_summary os
WHERE os.created_at >= timestamptz '2024-01-01 00:00:00+00'
  AND os.created_at < timestamptz '2025-01-01 00:00:00+00'
GROUP BY os.state
ORDER BY os.state;

-- case: stale-users-quoted-camelcase
-- why: the camelCase column is quoted, deleted users excluded
SELECT u.id, u.email, u."lastLoginAt"
FROM users u
WHERE u."lastLoginAt" < timestamptz '2020-01-01 00:00:00+00'
  AND u.deleted_at IS NULL
ORDER BY u."lastLoginAt"
LIMIT 100;

-- case: monthly-orders-running-total
-- why: CTE plus window function over one table
WITH monthly AS (
    SELECT date_trunc('month', o.created_at AT TIME ZONE 'UTC') AS month,
           count(*) AS orders
    FROM orders o
    WHERE o.created_at >= timestamptz '2024-01-01 00:00:00+00'
    GROUP BY 1
)
SELECT month,
       orders,
       sum(orders) OVER (ORDER BY month) AS running_total,
       orders - lag(orders) OVER (ORDER BY month) AS change
FROM monthly
ORDER BY month;

-- case: accounts-with-orders-in-2025-exists
-- why: correlated EXISTS through orders.account_id
SELECT a.id, a.name, a.plan
FROM accounts a
WHERE NOT a.is_test
  AND EXISTS (
      SELECT 1
      FROM orders o
      WHERE o.account_id = a.id
        AND o.created_at >= timestamptz '2025-01-01 00:00:00+00'
  )
ORDER BY a.id
LIMIT 50;

-- case: discontinued-products-without-recent-orders-not-exists
-- why: NOT EXISTS through order_items.sku -> products.sku and order_items.order_id -> orders.id
SELECT p.sku, p.name, p.category
FROM products p
WHERE p.discontinued
  AND NOT EXISTS (
      SELECT 1
      FROM order_items oi
      JOIN orders o ON o.id = oi.order_id
      WHERE oi.sku = p.sku
        AND o.created_at >= timestamptz '2019-06-08 00:00:00+00'
  )
ORDER BY p.sku;

-- case: attachments-of-users-and-accounts-union
-- why: each branch of the UNION constrains owner_type before using owner_id
SELECT 'user' AS owner, u.email AS owner_name, att.filename
FROM attachments att
JOIN users u ON att.owner_type = 'User' AND u.id = att.owner_id
WHERE u.deleted_at IS NULL
  AND u.account_id = 7
UNION ALL
SELECT 'account', a.name, att.filename
FROM attachments att
JOIN accounts a ON a.id = att.owner_id
WHERE att.owner_type = 'Account'
  AND a.id = 7
ORDER BY 1, 3;

-- case: attachments-of-recent-orders
-- why: Rails-style polymorphic pair with the capitalised type value
SELECT o.id AS order_id, att.filename, att.content_type
FROM orders o
JOIN attachments att ON att.owner_type = 'Order' AND att.owner_id = o.id
WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
ORDER BY o.id;

-- case: upgrade-events-per-account-all-generations
-- why: events.account_id -> accounts.id (inferred), both JSON key generations read
SELECT a.name, count(*) AS upgrades
FROM events e
JOIN accounts a ON a.id = e.account_id
WHERE coalesce(e.payload->>'action', e.payload->'event'->>'type') = 'upgrade'
  AND NOT a.is_test
GROUP BY a.name
ORDER BY upgrades DESC
LIMIT 10;

-- case: invoice-totals-view-with-account
-- why: billing.invoice_totals joined through its account_id
SELECT a.name, it.invoice_count, it.total_amount_cents / 100.0 AS invoiced
FROM billing.invoice_totals it
JOIN accounts a ON a.id = it.account_id
WHERE NOT a.is_test
ORDER BY it.total_amount_cents DESC
LIMIT 10;

-- case: invoices-with-their-order
-- why: billing.invoices.order_id -> orders.id (inferred), bigint on both sides
SELECT i.number, i.amount_cents, o.id AS order_id, o.total_cents, o.created_at
FROM billing.invoices i
JOIN orders o ON o.id = i.order_id
WHERE i.account_id = 250
ORDER BY i.number
LIMIT 20;

-- case: order-lines-of-one-order
-- why: order_items.order_id -> orders.id (declared FK) and sku -> products.sku
SELECT o.id, oi.sku, p.name, oi.quantity, oi.unit_price_cents
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
LEFT JOIN products p ON p.sku = oi.sku
WHERE o.id = 12345
ORDER BY oi.id;

-- case: primary-addresses-of-active-users
-- why: the live address table through its declared FK, soft-deleted users excluded
SELECT u.email, t.line1, t.city, t.postcode, t.country
FROM tmp_customer_addresses t
JOIN users u ON u.id = t.user_id
WHERE t.is_primary
  AND u.deleted_at IS NULL
  AND u.account_id = 99
ORDER BY u.email;

-- case: deleted-users-per-month
-- why: the question is about deleted users: deleted_at is the condition itself
SELECT date_trunc('month', deleted_at AT TIME ZONE 'UTC') AS month, count(*) AS deleted_users
FROM users
WHERE deleted_at IS NOT NULL
GROUP BY 1
ORDER BY 1;

-- case: paid-invoices-normalised-status
-- why: single table, case and whitespace drift of status normalised
SELECT count(*) AS paid_invoices, sum(amount_cents) / 100.0 AS paid_amount
FROM billing.invoices
WHERE lower(btrim(status)) = 'paid'
  AND number > 0;

-- case: payments-by-method-2024
-- why: billing.payments read with its soft-delete flag
SELECT method, count(*) AS payments, sum(amount_cents) / 100.0 AS amount
FROM billing.payments
WHERE NOT is_deleted
  AND paid_at >= timestamptz '2024-01-01 00:00:00+00'
  AND paid_at < timestamptz '2025-01-01 00:00:00+00'
GROUP BY method
ORDER BY amount DESC;

-- case: legacy-archive-status-distinct
-- why: schema-qualified legacy table, duplicates removed before counting
SELECT status, count(*) AS orders
FROM (SELECT DISTINCT order_id, cust_id, amount, order_date, status FROM legacy.order_archive) AS oa
GROUP BY status
ORDER BY status;

-- case: legacy-customers-per-country
-- why: schema-qualified god table, only the columns needed
SELECT cm.cntry_cd, count(*) AS customers
FROM legacy.customer_master cm
WHERE cm.cust_sts = 'A'
GROUP BY cm.cntry_cd
ORDER BY customers DESC;

-- case: failing-webhook-endpoints
-- why: single table, no joins
SELECT w.endpoint, w.http_status, count(*) AS failures, max(w.delivered_at) AS last_failure
FROM webhook_deliveries w
WHERE w.http_status >= 500
GROUP BY w.endpoint, w.http_status
ORDER BY failures DESC;

-- case: category-share-explicit-cross-join
-- why: the one-row total is attached with an explicit CROSS JOIN
WITH per_category AS (
    SELECT coalesce(initcap(p.category), '(none)') AS category,
           sum(oi.quantity::bigint * oi.unit_price_cents) AS revenue_cents
    FROM order_items oi
    JOIN products p ON p.sku = oi.sku
    GROUP BY 1
),
total AS (
    SELECT sum(revenue_cents) AS revenue_cents FROM per_category
)
SELECT pc.category,
       pc.revenue_cents / 100.0 AS revenue,
       round(100.0 * pc.revenue_cents / t.revenue_cents, 2) AS pct
FROM per_category pc
CROSS JOIN total t
ORDER BY pc.revenue_cents DESC;

-- case: top-account-per-region-dense-rank
-- why: three tables, each joined through its key, ranking with a window function
WITH account_revenue AS (
    SELECT a.region_code, a.id, a.name, sum(o.total_cents) AS revenue_cents
    FROM accounts a
    JOIN orders o ON o.account_id = a.id
    WHERE NOT a.is_test
      AND o.state IN (2, 3)
    GROUP BY a.region_code, a.id, a.name
)
SELECT r.name AS region, ar.name AS account, ar.revenue_cents / 100.0 AS revenue
FROM (
    SELECT account_revenue.*,
           dense_rank() OVER (PARTITION BY region_code ORDER BY revenue_cents DESC) AS rnk
    FROM account_revenue
) AS ar
JOIN regions r ON r.code = ar.region_code
WHERE ar.rnk = 1
ORDER BY r.name;

-- case: orders-with-comment-count
-- why: LEFT JOIN to the polymorphic table with the type filter inside the ON clause
SELECT o.id, o.created_at, count(c.id) AS comments
FROM orders o
LEFT JOIN comments c ON c.commentable_type = 'order' AND c.commentable_id = o.id
WHERE o.created_at >= timestamptz '2025-06-20 00:00:00+00'
GROUP BY o.id, o.created_at
ORDER BY comments DESC, o.id
LIMIT 20;

-- case: users-without-orders-anti-join
-- why: LEFT JOIN ... IS NULL anti-join through orders.user_id, deleted users excluded
SELECT u.id, u.email, u.created_at
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE o.id IS NULL
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 20;

-- case: orders-of-one-account-users-in-subquery
-- why: IN subquery on users with the soft-delete filter
SELECT o.id, o.user_id, o.total_cents, o.created_at
FROM orders o
WHERE o.user_id IN (
    SELECT u.id
    FROM users u
    WHERE u.account_id = 42
      AND u.deleted_at IS NULL
)
ORDER BY o.created_at DESC
LIMIT 25;

-- case: refunds-with-invoice-and-account
-- why: four tables chained refunds -> payments -> invoices -> accounts, deleted payments excluded
SELECT a.name, i.number, p.method, r.amount_cents, r.reason, r.created_at
FROM billing.refunds r
JOIN billing.payments p ON p.id = r.payment_id
JOIN billing.invoices i ON i.id = p.invoice_id
JOIN accounts a ON a.id = i.account_id
WHERE NOT p.is_deleted
  AND NOT a.is_test
  AND r.created_at >= timestamptz '2024-06-01 00:00:00+00'
ORDER BY r.created_at DESC
LIMIT 25;

-- case: comments-about-users
-- why: user comments joined on users.id with the type filter, deleted users excluded
SELECT u.email, c.body, c.created_at
FROM comments c
JOIN users u ON u.id = c.commentable_id
WHERE c.commentable_type = 'user'
  AND u.deleted_at IS NULL
  AND u.account_id = 556
ORDER BY c.created_at;

-- case: accounts-per-normalised-plan
-- why: single table, case drift of plan normalised
SELECT lower(plan) AS plan, count(*) AS accounts
FROM accounts
WHERE NOT is_test
GROUP BY lower(plan)
ORDER BY accounts DESC;

-- case: plan-changes-from-both-json-shapes
-- why: the plan key is read at the top level and inside event
SELECT coalesce(e.payload->>'plan', e.payload->'event'->>'plan') AS plan, count(*) AS events
FROM events e
WHERE coalesce(e.payload->>'action', e.payload->'event'->>'type') IN ('upgrade', 'downgrade')
GROUP BY 1
ORDER BY events DESC;

-- case: order-currency-per-region-grouping-sets
-- why: orders joined to regions through region_code, ROLLUP for subtotals
SELECT r.name AS region, o.currency, count(*) AS orders, sum(o.total_cents) / 100.0 AS amount
FROM orders o
JOIN regions r ON r.code = o.region_code
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
  AND o.total_cents <> 99999999
GROUP BY ROLLUP (r.name, o.currency)
ORDER BY r.name NULLS LAST, o.currency NULLS LAST;

-- case: orders-per-month-with-empty-months
-- why: generate_series calendar joined on the month expression
WITH months AS (
    SELECT generate_series(timestamp '2025-01-01', timestamp '2025-06-01', interval '1 month') AS month
)
SELECT m.month, count(o.id) AS orders
FROM months m
LEFT JOIN orders o ON date_trunc('month', o.created_at AT TIME ZONE 'UTC') = m.month
GROUP BY m.month
ORDER BY m.month;

-- case: users-signups-per-year-without-sentinel
-- why: users read with the soft-delete filter and the epoch-zero sentinel excluded
SELECT extract(year FROM u.created_at AT TIME ZONE 'UTC')::int AS year, count(*) AS signups
FROM users u
WHERE u.deleted_at IS NULL
  AND u.created_at > timestamptz '1970-01-01 00:00:00+00'
GROUP BY 1
ORDER BY 1;

-- case: overdue-invoices-with-account-and-region
-- why: invoices -> accounts (declared FK) -> regions (inferred), LEFT JOIN keeps accounts without region
SELECT a.name, r.name AS region, count(*) AS overdue, sum(i.amount_cents) / 100.0 AS amount
FROM billing.invoices i
JOIN accounts a ON a.id = i.account_id
LEFT JOIN regions r ON r.code = a.region_code
WHERE lower(btrim(i.status)) = 'overdue'
  AND NOT a.is_test
GROUP BY a.name, r.name
ORDER BY amount DESC
LIMIT 15;

-- case: items-per-order-with-users-filtered-cte
-- why: two CTEs joined on order id, users read with deleted_at handled
WITH recent_orders AS (
    SELECT o.id, o.user_id
    FROM orders o
    JOIN users u ON u.id = o.user_id
    WHERE u.deleted_at IS NULL
      AND o.id BETWEEN 99000 AND 99100
),
item_counts AS (
    SELECT oi.order_id, count(*) AS items, sum(oi.quantity) AS units
    FROM order_items oi
    GROUP BY oi.order_id
)
SELECT ro.id, ro.user_id, ic.items, ic.units
FROM recent_orders ro
JOIN item_counts ic ON ic.order_id = ro.id
ORDER BY ro.id;

-- case: orders-soft-delete-filter-harmless
-- why: orders.deleted_at is never written, so filtering it is allowed (and changes nothing)
SELECT count(*) AS delivered_2024
FROM orders o
WHERE o.deleted_at IS NULL
  AND o.state = 3
  AND o.created_at >= timestamptz '2024-01-01 00:00:00+00'
  AND o.created_at < timestamptz '2025-01-01 00:00:00+00';

-- ---------------------------------------------------------------------------------------------
-- Data-aware counterparts: the same questions, written so the data cannot mislead them.
-- ---------------------------------------------------------------------------------------------

-- case: accounts-plan-normalised
-- why: every spelling of pro
SELECT count(*) AS pro_accounts
FROM accounts
WHERE lower(plan) = 'pro';

-- case: comments-on-orders-lowercase
-- why: the value the column holds
SELECT c.id, c.body
FROM comments c
WHERE c.commentable_type = 'order'
  AND c.commentable_id = 42;

-- case: payments-by-card
-- why: a method the column holds
SELECT count(*) AS card_payments
FROM billing.payments
WHERE method = 'card'
  AND NOT is_deleted;

-- case: orders-cancelled-documented-code
-- why: 4 = cancelled per the column comment
SELECT count(*) AS cancelled
FROM orders
WHERE state = 4;

-- case: archive-cancelled-code
-- why: X is the legacy code the column holds
SELECT count(*)
FROM legacy.order_archive
WHERE status IN ('X', 'C');

-- case: invoices-due-in-2024-real-date
-- why: due_date is a real date column
SELECT count(*) AS due_2024
FROM billing.invoices
WHERE due_date >= date '2024-01-01'
  AND due_date < date '2025-01-01';

-- case: archive-compact-dates-compare
-- why: YYYYMMDD sorts as text in date order, and the zero dates are excluded
SELECT count(*)
FROM legacy.order_archive
WHERE order_date >= '20150101'
  AND order_date <> '00000000';

-- case: webhook-body-json-only
-- why: the cast runs only on bodies that look like JSON objects
SELECT id, response_body::jsonb->>'id' AS event_id
FROM webhook_deliveries
WHERE response_body ~ '^\s*\{';

-- case: events-upgrades-both-generations
-- why: COALESCE over the old and the new key covers every generation
SELECT count(*) AS upgrades
FROM events
WHERE coalesce(payload->>'action', payload->'event'->>'type') = 'upgrade';

-- case: events-old-generation-explicit
-- why: the key-presence test makes "old-format events only" explicit
SELECT count(*)
FROM events
WHERE payload ? 'action'
  AND payload->>'action' = 'signup';

-- case: users-first-real-signup
-- why: the epoch placeholders are filtered out
SELECT min(created_at) AS first_signup
FROM users
WHERE deleted_at IS NULL
  AND created_at > timestamptz '1970-01-01 00:00:00+00';

-- case: orders-revenue-without-test-accounts
-- why: the test accounts' orders are excluded through accounts.is_test
SELECT sum(o.total_cents) / 100.0 AS revenue
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE NOT a.is_test;

-- case: orders-top-ten-real
-- why: the sentinel amount is excluded
SELECT id, account_id, total_cents
FROM orders
WHERE total_cents < 99999999
ORDER BY total_cents DESC
LIMIT 10;

-- case: users-latest-signups
-- why: the epoch placeholders are at the other end of a descending sort
SELECT id, created_at
FROM users
WHERE deleted_at IS NULL
ORDER BY created_at DESC
LIMIT 10;
