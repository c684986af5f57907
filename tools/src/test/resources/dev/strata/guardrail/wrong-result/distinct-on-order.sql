-- distinct-on-order on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): DISTINCT ON (k)
-- keeps the first row of each group in ORDER BY order; when ORDER BY stops at k (or is missing), which row
-- survives is arbitrary. Each wrong query sits beside its correct twin (no "-- expect:" line).
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: latest-order-per-user-order-stops-at-key
-- expect: distinct-on-order
-- why: meant as "each user's latest order"; with ORDER BY user_id alone any order of the user comes out
SELECT DISTINCT ON (o.user_id) o.user_id, o.id, o.created_at, o.total_cents
FROM orders o
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
ORDER BY o.user_id
LIMIT 100;

-- case: latest-order-per-user-ordered-by-time
SELECT DISTINCT ON (o.user_id) o.user_id, o.id, o.created_at, o.total_cents
FROM orders o
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
ORDER BY o.user_id, o.created_at DESC
LIMIT 100;

-- case: first-user-per-account-no-order-by
-- expect: distinct-on-order
-- why: "the first user of each account" without ORDER BY: any user
SELECT DISTINCT ON (account_id) account_id, id, email
FROM users
WHERE deleted_at IS NULL;

-- case: first-user-per-account-ordered
SELECT DISTINCT ON (account_id) account_id, id, email
FROM users
WHERE deleted_at IS NULL
ORDER BY account_id, created_at, id;

-- case: one-address-per-user-join
-- expect: distinct-on-order
-- why: users.id fixes the user, not which of its addresses is shown
SELECT DISTINCT ON (u.id) u.id, u.email, t.city, t.country
FROM users u
JOIN tmp_customer_addresses t ON t.user_id = u.id
WHERE u.deleted_at IS NULL
ORDER BY u.id
LIMIT 100;

-- case: one-address-per-user-join-primary-first
SELECT DISTINCT ON (u.id) u.id, u.email, t.city, t.country
FROM users u
JOIN tmp_customer_addresses t ON t.user_id = u.id
WHERE u.deleted_at IS NULL
ORDER BY u.id, t.is_primary DESC, t.created_at DESC
LIMIT 100;

-- case: last-payment-method-per-invoice-cte-mixed-case
-- expect: distinct-on-order
-- why: the CTE means "the last payment of each invoice"
WITH Last_Payment AS (
    SELECT DISTINCT ON (P.Invoice_Id) P.Invoice_Id, P.Method, P.Paid_At
    FROM Billing.Payments P
    WHERE NOT P.Is_Deleted
    ORDER BY P.Invoice_Id
)
SELECT Method, COUNT(*) AS Invoices
FROM Last_Payment
GROUP BY Method
ORDER BY Invoices DESC;

-- case: last-payment-method-per-invoice-cte-mixed-case-ordered
WITH Last_Payment AS (
    SELECT DISTINCT ON (P.Invoice_Id) P.Invoice_Id, P.Method, P.Paid_At
    FROM Billing.Payments P
    WHERE NOT P.Is_Deleted
    ORDER BY P.Invoice_Id, P.Paid_At DESC
)
SELECT Method, COUNT(*) AS Invoices
FROM Last_Payment
GROUP BY Method
ORDER BY Invoices DESC;

-- case: last-event-per-account
-- expect: distinct-on-order
-- why: "last activity per account" without the time in ORDER BY
SELECT DISTINCT ON (e.account_id) e.account_id, e.created_at AS last_seen
FROM events e
WHERE e.account_id IS NOT NULL
ORDER BY e.account_id;

-- case: last-event-per-account-ordered
SELECT DISTINCT ON (e.account_id) e.account_id, e.created_at AS last_seen
FROM events e
WHERE e.account_id IS NOT NULL
ORDER BY e.account_id, e.created_at DESC;

-- case: biggest-order-per-user-and-currency-two-keys
-- expect: distinct-on-order
-- why: two keys, and ORDER BY stops at them
SELECT DISTINCT ON (o.user_id, o.currency) o.user_id, o.currency, o.id, o.total_cents
FROM orders o
WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
ORDER BY o.user_id, o.currency;

-- case: biggest-order-per-user-and-currency-two-keys-ordered
SELECT DISTINCT ON (o.user_id, o.currency) o.user_id, o.currency, o.id, o.total_cents
FROM orders o
WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
ORDER BY o.user_id, o.currency, o.total_cents DESC;

-- case: users-with-a-cancelled-order-key-fixes-everything
-- why: every output is a column of users, whose key is the DISTINCT ON key: nothing is arbitrary
SELECT DISTINCT ON (u.id) u.id, u.email
FROM users u
JOIN orders o ON o.user_id = u.id
WHERE o.state = 4
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 50;

-- case: account-name-per-order-account-lookup
-- why: the key o.account_id fixes the account (joined by its key), so a.name is the same in every row
SELECT DISTINCT ON (o.account_id) o.account_id, a.name
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE o.created_at >= timestamptz '2025-06-01 00:00:00+00'
  AND NOT a.is_test
ORDER BY o.account_id;

-- case: latest-order-per-user-star
-- expect: distinct-on-order
-- why: DISTINCT ON with SELECT *: every column of an arbitrary order
SELECT DISTINCT ON (user_id) *
FROM orders
WHERE created_at > '2025-06-01'
ORDER BY user_id;

-- case: latest-order-per-user-star-ordered
SELECT DISTINCT ON (user_id) *
FROM orders
WHERE created_at > '2025-06-01'
ORDER BY user_id, created_at DESC, id DESC;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: distinct-on-order
-- why: written as an assistant would, after the rule existed
SELECT DISTINCT ON (user_id) user_id, id, created_at FROM orders WHERE deleted_at IS NULL ORDER BY user_id;

-- case: probe-2-right
SELECT DISTINCT ON (user_id) user_id, id, created_at FROM orders WHERE deleted_at IS NULL ORDER BY user_id, created_at DESC;
