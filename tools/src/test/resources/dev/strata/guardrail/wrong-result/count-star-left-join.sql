-- count-star-left-join on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): count(*) per
-- parent over a LEFT JOIN to a child counts 1 for a parent without children. Each wrong query sits beside its
-- correct twin (no "-- expect:" line).
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: orders-per-user-count-star
-- expect: count-star-left-join
-- why: a user without orders has one joined row, so count(*) reports 1 order
SELECT u.id, u.email, count(*) AS orders
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE u.deleted_at IS NULL
GROUP BY u.id, u.email
ORDER BY orders
LIMIT 20;

-- case: orders-per-user-count-key
SELECT u.id, u.email, count(o.id) AS orders
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE u.deleted_at IS NULL
GROUP BY u.id, u.email
ORDER BY orders
LIMIT 20;

-- case: live-users-per-account-count-star
-- expect: count-star-left-join
-- why: accounts without live users show 1 user
SELECT a.name, count(*) AS live_users
FROM accounts a
LEFT JOIN users u ON u.account_id = a.id AND u.deleted_at IS NULL
WHERE NOT a.is_test
GROUP BY a.name
ORDER BY live_users
LIMIT 20;

-- case: live-users-per-account-count-child
SELECT a.name, count(u.id) AS live_users
FROM accounts a
LEFT JOIN users u ON u.account_id = a.id AND u.deleted_at IS NULL
WHERE NOT a.is_test
GROUP BY a.name
ORDER BY live_users
LIMIT 20;

-- case: items-per-recent-order-count-one
-- expect: count-star-left-join
-- why: count(1) is count(*): the June 2025 orders have no items but are counted with 1
SELECT o.id, o.created_at, count(1) AS items
FROM orders o
LEFT JOIN order_items oi ON oi.order_id = o.id
WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
GROUP BY o.id, o.created_at
ORDER BY o.id;

-- case: items-per-recent-order-count-child-key
SELECT o.id, o.created_at, count(oi.id) AS items
FROM orders o
LEFT JOIN order_items oi ON oi.order_id = o.id
WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
GROUP BY o.id, o.created_at
ORDER BY o.id;

-- case: comments-per-order-polymorphic-count-star
-- expect: count-star-left-join
-- why: orders without comments get 1
SELECT o.id, count(*) AS comments
FROM orders o
LEFT JOIN comments c ON c.commentable_type = 'order' AND c.commentable_id = o.id
WHERE o.created_at >= timestamptz '2025-06-25 00:00:00+00'
GROUP BY o.id
ORDER BY comments DESC, o.id;

-- case: comments-per-order-polymorphic-count-child
SELECT o.id, count(c.id) AS comments
FROM orders o
LEFT JOIN comments c ON c.commentable_type = 'order' AND c.commentable_id = o.id
WHERE o.created_at >= timestamptz '2025-06-25 00:00:00+00'
GROUP BY o.id
ORDER BY comments DESC, o.id;

-- case: unpaid-invoices-cte-having-count-star
-- expect: count-star-left-join
-- why: HAVING count(*) < 1 can never hold: an invoice without payments still counts 1
WITH due AS (
    SELECT id, number, amount_cents
    FROM billing.invoices
    WHERE due_date >= date '2025-01-01'
)
SELECT due.number, due.amount_cents
FROM due
LEFT JOIN billing.payments p ON p.invoice_id = due.id AND NOT p.is_deleted
GROUP BY due.number, due.amount_cents
HAVING count(*) < 1
ORDER BY due.number;

-- case: unpaid-invoices-cte-having-count-child
WITH due AS (
    SELECT id, number, amount_cents
    FROM billing.invoices
    WHERE due_date >= date '2025-01-01'
)
SELECT due.number, due.amount_cents
FROM due
LEFT JOIN billing.payments p ON p.invoice_id = due.id AND NOT p.is_deleted
GROUP BY due.number, due.amount_cents
HAVING count(p.id) < 1
ORDER BY due.number;

-- case: accounts-per-region-mixed-case-count-star
-- expect: count-star-left-join
-- why: regions without accounts (LATAM, APAC, MEA …) report 1 account
SELECT R.Code, R.Name, COUNT(*) AS Accounts
FROM Public.Regions R
LEFT JOIN Public.Accounts A ON A.Region_Code = R.Code AND NOT A.Is_Test
GROUP BY R.Code, R.Name
ORDER BY Accounts DESC;

-- case: accounts-per-region-mixed-case-count-child
SELECT R.Code, R.Name, COUNT(A.Id) AS Accounts
FROM Public.Regions R
LEFT JOIN Public.Accounts A ON A.Region_Code = R.Code AND NOT A.Is_Test
GROUP BY R.Code, R.Name
ORDER BY Accounts DESC;

-- case: times-ordered-per-product-count-parent-key
-- expect: count-star-left-join
-- why: count(p.sku) counts the product's own non-NULL key: never-ordered products count 1
SELECT p.sku, p.name, count(p.sku) AS times_ordered
FROM products p
LEFT JOIN order_items oi ON oi.sku = p.sku
WHERE NOT p.discontinued
GROUP BY p.sku, p.name
ORDER BY times_ordered
LIMIT 20;

-- case: times-ordered-per-product-count-child-key
SELECT p.sku, p.name, count(oi.id) AS times_ordered
FROM products p
LEFT JOIN order_items oi ON oi.sku = p.sku
WHERE NOT p.discontinued
GROUP BY p.sku, p.name
ORDER BY times_ordered
LIMIT 20;

-- case: orders-per-currency-left-join-lookup
-- why: regions is a lookup (one region per order): count(*) counts orders, as meant
SELECT o.currency, count(*) AS orders, count(r.code) AS with_known_region
FROM orders o
LEFT JOIN regions r ON r.code = o.region_code
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
GROUP BY o.currency
ORDER BY orders DESC;

-- case: orders-per-user-count-star-filtered
-- why: the FILTER drops the NULL-extended rows
SELECT u.id, count(*) FILTER (WHERE o.id IS NOT NULL) AS orders
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE u.deleted_at IS NULL
GROUP BY u.id
ORDER BY orders
LIMIT 20;

-- case: users-by-order-count-order-by-only
-- expect: count-star-left-join
-- why: count(*) only in ORDER BY, grouped by ordinals: users without orders sort as if they had one
SELECT u.id, u.email
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE u.deleted_at IS NULL
GROUP BY 1, 2
ORDER BY count(*) DESC
LIMIT 10;

-- case: users-by-order-count-order-by-only-child-key
SELECT u.id, u.email
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE u.deleted_at IS NULL
GROUP BY 1, 2
ORDER BY count(o.id) DESC
LIMIT 10;

-- case: cancelled-orders-per-account-derived-child
-- expect: count-star-left-join
-- why: the subquery keeps one row per cancelled order; accounts without any still count 1
SELECT a.id, count(*) AS cancelled
FROM accounts a
LEFT JOIN (SELECT account_id FROM orders WHERE state = 4) x ON x.account_id = a.id
WHERE NOT a.is_test
GROUP BY a.id;

-- case: cancelled-orders-per-account-derived-child-count-column
SELECT a.id, count(x.account_id) AS cancelled
FROM accounts a
LEFT JOIN (SELECT account_id FROM orders WHERE state = 4) x ON x.account_id = a.id
WHERE NOT a.is_test
GROUP BY a.id;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: count-star-left-join
-- why: written as an assistant would, after the rule existed
SELECT u.id, count(*) AS order_count FROM users u LEFT JOIN orders o ON o.user_id = u.id AND o.deleted_at IS NULL WHERE u.deleted_at IS NULL GROUP BY u.id;

-- case: probe-2-right
SELECT u.id, count(o.id) AS order_count FROM users u LEFT JOIN orders o ON o.user_id = u.id AND o.deleted_at IS NULL WHERE u.deleted_at IS NULL GROUP BY u.id;
