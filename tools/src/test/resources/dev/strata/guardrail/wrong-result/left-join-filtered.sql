-- left-join-filtered on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): a WHERE condition
-- on the optional side of a LEFT JOIN drops the rows the LEFT JOIN was written to keep. Each wrong query sits beside
-- its correct twin (no "-- expect:" line). The anti-join idiom (IS NULL on the join key or on a NOT NULL column)
-- and conditions that handle the NULL themselves are correct.
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: orders-per-user-in-2025-where
-- expect: left-join-filtered
-- why: users without an order in 2025 should show 0, but the WHERE on o.created_at drops them
SELECT u.id, u.email, count(o.id) AS orders_2025
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
  AND u.deleted_at IS NULL
GROUP BY u.id, u.email
ORDER BY orders_2025
LIMIT 100;

-- case: orders-per-user-in-2025-on
SELECT u.id, u.email, count(o.id) AS orders_2025
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
                  AND o.created_at >= timestamptz '2025-01-01 00:00:00+00'
WHERE u.deleted_at IS NULL
GROUP BY u.id, u.email
ORDER BY orders_2025
LIMIT 100;

-- case: eur-orders-per-region-where
-- expect: left-join-filtered
-- why: regions without EUR orders (US, UK, …) should be listed with 0; the WHERE removes them
SELECT r.code, r.name, count(o.id) AS eur_orders
FROM regions r
LEFT JOIN orders o ON o.region_code = r.code
WHERE o.currency = 'EUR'
GROUP BY r.code, r.name
ORDER BY r.code;

-- case: eur-orders-per-region-on
SELECT r.code, r.name, count(o.id) AS eur_orders
FROM regions r
LEFT JOIN orders o ON o.region_code = r.code AND o.currency = 'EUR'
GROUP BY r.code, r.name
ORDER BY r.code;

-- case: live-users-per-account-where-is-null
-- expect: left-join-filtered
-- why: users.deleted_at IS NULL in WHERE keeps accounts without users but drops the accounts whose users are all deleted
SELECT a.id, a.name, count(u.id) AS live_users
FROM accounts a
LEFT JOIN users u ON u.account_id = a.id
WHERE u.deleted_at IS NULL
  AND NOT a.is_test
GROUP BY a.id, a.name
ORDER BY live_users
LIMIT 20;

-- case: live-users-per-account-on-is-null
SELECT a.id, a.name, count(u.id) AS live_users
FROM accounts a
LEFT JOIN users u ON u.account_id = a.id AND u.deleted_at IS NULL
WHERE NOT a.is_test
GROUP BY a.id, a.name
ORDER BY live_users
LIMIT 20;

-- case: payments-per-invoice-where-not-deleted
-- expect: left-join-filtered
-- why: NOT p.is_deleted drops the invoices without any payment, so "0 payments" never appears
SELECT i.number, i.amount_cents, count(p.id) AS payments
FROM billing.invoices i
LEFT JOIN billing.payments p ON p.invoice_id = i.id
WHERE NOT p.is_deleted
  AND i.due_date >= date '2025-01-01'
GROUP BY i.number, i.amount_cents
ORDER BY i.number;

-- case: payments-per-invoice-on-not-deleted
SELECT i.number, i.amount_cents, count(p.id) AS payments
FROM billing.invoices i
LEFT JOIN billing.payments p ON p.invoice_id = i.id AND NOT p.is_deleted
WHERE i.due_date >= date '2025-01-01'
GROUP BY i.number, i.amount_cents
ORDER BY i.number;

-- case: big-recent-orders-per-user-cte-mixed-case-where
-- expect: left-join-filtered
-- why: the filter on the CTE's column in WHERE drops every user without a big June order
WITH Recent AS (
    SELECT Id, User_Id, Total_Cents
    FROM Public.Orders
    WHERE Created_At >= TIMESTAMPTZ '2025-06-01 00:00:00+00'
)
SELECT U.Id, U.Email, R.Id AS Order_Id, R.Total_Cents
FROM Users U
LEFT JOIN Recent R ON R.User_Id = U.Id
WHERE R.Total_Cents > 100000
  AND U.Deleted_At IS NULL
ORDER BY U.Id
LIMIT 50;

-- case: big-recent-orders-per-user-cte-mixed-case-on
WITH Recent AS (
    SELECT Id, User_Id, Total_Cents
    FROM Public.Orders
    WHERE Created_At >= TIMESTAMPTZ '2025-06-01 00:00:00+00'
)
SELECT U.Id, U.Email, R.Id AS Order_Id, R.Total_Cents
FROM Users U
LEFT JOIN Recent R ON R.User_Id = U.Id AND R.Total_Cents > 100000
WHERE U.Deleted_At IS NULL
ORDER BY U.Id
LIMIT 50;

-- case: refunds-per-payment-method-where-or
-- expect: left-join-filtered
-- why: both branches of the OR test the refund, so payments without a refund are dropped
SELECT p.method, count(r.id) AS refunds
FROM billing.payments p
LEFT JOIN billing.refunds r ON r.payment_id = p.id
WHERE (r.reason = 'duplicate charge' OR r.amount_cents > 10000)
  AND NOT p.is_deleted
GROUP BY p.method
ORDER BY refunds DESC;

-- case: refunds-per-payment-method-on-or
SELECT p.method, count(r.id) AS refunds
FROM billing.payments p
LEFT JOIN billing.refunds r ON r.payment_id = p.id
                           AND (r.reason = 'duplicate charge' OR r.amount_cents > 10000)
WHERE NOT p.is_deleted
GROUP BY p.method
ORDER BY refunds DESC;

-- case: primary-address-per-user-where
-- expect: left-join-filtered
-- why: users without a primary address should show NULL city; t.is_primary in WHERE drops them
SELECT u.id, u.email, t.city, t.country
FROM users u
LEFT JOIN tmp_customer_addresses t ON t.user_id = u.id
WHERE t.is_primary
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 100;

-- case: primary-address-per-user-on
SELECT u.id, u.email, t.city, t.country
FROM users u
LEFT JOIN tmp_customer_addresses t ON t.user_id = u.id AND t.is_primary
WHERE u.deleted_at IS NULL
ORDER BY u.id
LIMIT 100;

-- case: users-without-orders-anti-join-on-key
-- why: IS NULL on the join key of the optional side is the anti-join idiom
SELECT u.id, u.email
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE o.user_id IS NULL
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 20;

-- case: orders-without-items-anti-join-on-not-null-column
-- why: order_items.sku is NOT NULL, so sku IS NULL can only mean "no item": an anti-join
SELECT o.id, o.created_at
FROM orders o
LEFT JOIN order_items oi ON oi.order_id = o.id
WHERE oi.sku IS NULL
  AND o.id < 100100
ORDER BY o.id;

-- case: orders-of-live-users-lookup-is-null
-- why: users is a lookup here (one user per order): u.deleted_at IS NULL filters orders, as intended
SELECT o.id, o.total_cents, u.email
FROM orders o
LEFT JOIN users u ON u.id = o.user_id
WHERE u.deleted_at IS NULL
  AND o.created_at >= timestamptz '2025-06-20 00:00:00+00'
ORDER BY o.id
LIMIT 50;

-- case: small-or-no-orders-coalesce-guarded
-- why: coalesce handles the users without an order explicitly
SELECT u.id, u.email, o.id AS order_id, o.total_cents
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE coalesce(o.total_cents, 0) < 500
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 50;

-- case: cancelled-or-no-orders-or-is-null-guarded
-- why: "OR o.id IS NULL" keeps the users without an order on purpose
SELECT u.id, u.email, o.id AS order_id
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE (o.state = 4 OR o.id IS NULL)
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 50;

-- case: users-with-postcode-is-not-null
-- why: IS NOT NULL asks for a match on purpose
SELECT u.id, u.email, t.postcode
FROM users u
LEFT JOIN tmp_customer_addresses t ON t.user_id = u.id
WHERE t.postcode IS NOT NULL
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 50;

-- case: orders-per-user-in-2024-outer-extract
-- expect: left-join-filtered
-- why: LEFT OUTER JOIN, and a function of the optional side's column in WHERE
SELECT u.id, count(o.id) AS orders_2024
FROM users u
LEFT OUTER JOIN orders o ON o.user_id = u.id
WHERE EXTRACT(YEAR FROM o.created_at) = 2024
  AND u.deleted_at IS NULL
GROUP BY u.id
LIMIT 100;

-- case: orders-per-user-in-2024-outer-extract-on
SELECT u.id, count(o.id) AS orders_2024
FROM users u
LEFT OUTER JOIN orders o ON o.user_id = u.id AND EXTRACT(YEAR FROM o.created_at) = 2024
WHERE u.deleted_at IS NULL
GROUP BY u.id
LIMIT 100;

-- case: cancelled-orders-of-users-asks-for-a-match
-- why: WHERE o.id IS NOT NULL says only users with an order are wanted; the other condition on o follows
SELECT u.id, u.email, o.id AS order_id
FROM users u
LEFT JOIN orders o ON o.user_id = u.id
WHERE o.id IS NOT NULL
  AND o.state = 4
  AND u.deleted_at IS NULL
LIMIT 50;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: left-join-filtered
-- why: written as an assistant would, after the rule existed
SELECT a.name, count(o.id) FROM accounts a LEFT JOIN orders o ON o.account_id = a.id WHERE o.created_at >= now() - interval '30 days' GROUP BY a.name;

-- case: probe-2-right
SELECT a.name, count(o.id) FROM accounts a LEFT JOIN orders o ON o.account_id = a.id AND o.created_at >= now() - interval '30 days' AND o.deleted_at IS NULL GROUP BY a.name;

-- case: probe-3-right
SELECT a.name FROM accounts a LEFT JOIN orders o ON o.account_id = a.id AND o.deleted_at IS NULL WHERE o.id IS NULL;

-- case: probe-4-wrong
-- expect: left-join-filtered, literal-has-variants
-- why: the WHERE on addresses drops users without one; and 'France' also appears as 'france' (a fair catch)
SELECT u.email, ad.city FROM users u LEFT JOIN addresses ad ON ad.user_id = u.id WHERE u.deleted_at IS NULL AND ad.country = 'France';
