-- not-in-nullable on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): x NOT IN (SELECT col …)
-- is never true once col holds one NULL. Each wrong query sits beside its correct twin (no "-- expect:" line).
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: users-who-never-commented-not-in
-- expect: not-in-nullable
-- why: comments.author_id is NULL in 3,000 rows, so the list is empty although most users never commented
SELECT u.id, u.email
FROM users u
WHERE u.id NOT IN (SELECT author_id FROM comments)
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 100;

-- case: users-who-never-commented-not-in-filtered
SELECT u.id, u.email
FROM users u
WHERE u.id NOT IN (SELECT author_id FROM comments WHERE author_id IS NOT NULL)
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 100;

-- case: accounts-without-recent-events-not-in
-- expect: not-in-nullable
-- why: events.account_id is NULL in 2,000 rows
SELECT a.id, a.name
FROM accounts a
WHERE a.id NOT IN (
    SELECT e.account_id
    FROM events e
    WHERE e.created_at >= timestamptz '2025-01-01 00:00:00+00'
)
  AND NOT a.is_test
ORDER BY a.name;

-- case: accounts-without-recent-events-not-in-filtered
SELECT a.id, a.name
FROM accounts a
WHERE a.id NOT IN (
    SELECT e.account_id
    FROM events e
    WHERE e.created_at >= timestamptz '2025-01-01 00:00:00+00'
      AND e.account_id IS NOT NULL
)
  AND NOT a.is_test
ORDER BY a.name;

-- case: orders-never-invoiced-not-in
-- expect: not-in-nullable
-- why: billing.invoices.order_id is NULL for 3,000 invoices: the count is 0
SELECT count(*) AS orders_without_invoice
FROM orders o
WHERE o.id NOT IN (SELECT order_id FROM billing.invoices);

-- case: orders-never-invoiced-not-exists
SELECT count(*) AS orders_without_invoice
FROM orders o
WHERE NOT EXISTS (SELECT 1 FROM billing.invoices i WHERE i.order_id = o.id);

-- case: regions-without-accounts-not-parenthesised-in
-- expect: not-in-nullable
-- why: NOT (x IN (…)) is the same as x NOT IN (…); accounts.region_code is NULL in 40 rows
SELECT r.code, r.name
FROM regions r
WHERE NOT (r.code IN (SELECT region_code FROM accounts))
ORDER BY r.code;

-- case: regions-without-accounts-not-in-is-not-null
SELECT r.code, r.name
FROM regions r
WHERE NOT (r.code IN (SELECT region_code FROM accounts WHERE region_code IS NOT NULL))
ORDER BY r.code;

-- case: users-not-among-commenters-cte-mixed-case
-- expect: not-in-nullable
-- why: the CTE passes comments.author_id through, NULLs included
WITH Commenters AS (
    SELECT DISTINCT Author_Id
    FROM Public.Comments
)
SELECT U.Id, U.Email
FROM Users U
WHERE U.Id NOT IN (SELECT Author_Id FROM Commenters)
  AND U.Deleted_At IS NULL
LIMIT 50;

-- case: users-not-among-commenters-cte-mixed-case-filtered
WITH Commenters AS (
    SELECT DISTINCT Author_Id
    FROM Public.Comments
    WHERE Author_Id IS NOT NULL
)
SELECT U.Id, U.Email
FROM Users U
WHERE U.Id NOT IN (SELECT Author_Id FROM Commenters)
  AND U.Deleted_At IS NULL
LIMIT 50;

-- case: products-not-sold-in-june-outer-joined-sku
-- expect: not-in-nullable
-- why: oi.sku is NOT NULL in its table, but the LEFT JOIN makes it NULL for orders without items (every order after 100,000)
SELECT p.sku, p.name
FROM products p
WHERE p.sku NOT IN (
    SELECT oi.sku
    FROM orders o
    LEFT JOIN order_items oi ON oi.order_id = o.id
    WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
)
ORDER BY p.sku;

-- case: products-not-sold-in-june-inner-join
SELECT p.sku, p.name
FROM products p
WHERE p.sku NOT IN (
    SELECT oi.sku
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.id
    WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
)
ORDER BY p.sku;

-- case: legacy-customers-without-archived-orders-not-in
-- expect: not-in-nullable
-- why: order_archive.cust_id has no NOT NULL constraint: no NULL today, but the first one empties the answer
SELECT cm.cust_id, cm.cust_nm
FROM legacy.customer_master cm
WHERE cm.cust_id NOT IN (SELECT oa.cust_id FROM legacy.order_archive oa)
ORDER BY cm.cust_id
LIMIT 100;

-- case: legacy-customers-without-archived-orders-not-exists
SELECT cm.cust_id, cm.cust_nm
FROM legacy.customer_master cm
WHERE NOT EXISTS (SELECT 1 FROM legacy.order_archive oa WHERE oa.cust_id = cm.cust_id)
ORDER BY cm.cust_id
LIMIT 100;

-- case: comments-by-live-authors-not-in-not-null-key
-- why: users.id is the primary key: the subquery never returns NULL
SELECT count(*) AS comments_by_current_users
FROM comments c
WHERE c.author_id NOT IN (SELECT u.id FROM users u WHERE u.deleted_at IS NOT NULL);

-- case: invoices-not-paid-by-card-not-in-not-null
-- why: payments.invoice_id is NOT NULL
SELECT i.number, i.amount_cents
FROM billing.invoices i
WHERE i.id NOT IN (SELECT p.invoice_id FROM billing.payments p WHERE p.method = 'card' AND NOT p.is_deleted)
  AND i.due_date >= date '2025-01-01'
ORDER BY i.number
LIMIT 20;

-- case: orders-of-inactive-users-not-in-view
-- why: a view's columns carry no NOT NULL in the catalog; Strata makes no claim about them
SELECT count(*) AS orders_of_inactive_users
FROM orders o
WHERE o.user_id NOT IN (SELECT id FROM active_users);

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: not-in-nullable
-- why: written as an assistant would, after the rule existed
SELECT a.id FROM accounts a WHERE a.id NOT IN (SELECT e.account_id FROM events e);

-- case: probe-2-right
SELECT a.id FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.account_id = a.id);

-- case: probe-3-right
SELECT a.id FROM accounts a WHERE a.id NOT IN (SELECT o.account_id FROM orders o WHERE o.deleted_at IS NULL);

-- case: probe-4-wrong
-- expect: not-in-nullable
-- why: written as an assistant would, after the rule existed
SELECT u.id FROM users u WHERE u.deleted_at IS NULL AND u.id NOT IN (SELECT ad.user_id FROM addresses ad);

-- case: probe-5-right
SELECT u.id FROM users u WHERE u.deleted_at IS NULL AND u.id NOT IN (SELECT ad.user_id FROM addresses ad WHERE ad.user_id IS NOT NULL);
