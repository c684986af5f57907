-- and-or-precedence on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): a AND b OR c without
-- parentheses where the OR's branches test one column and the AND adds a condition on another: AND binds first,
-- so that condition limits only one branch. Each wrong query sits beside its correct twin (no "-- expect:" line).
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: recent-processing-or-shipped-orders
-- expect: and-or-precedence
-- why: the date limits only the shipped orders; every processing order since 2015 is counted
SELECT count(*) AS in_flight
FROM orders o
WHERE o.state = 1 OR o.state = 2 AND o.created_at >= '2025-06-01';

-- case: recent-processing-or-shipped-orders-parenthesised
SELECT count(*) AS in_flight
FROM orders o
WHERE (o.state = 1 OR o.state = 2) AND o.created_at >= '2025-06-01';

-- case: one-accounts-open-orders
-- expect: and-or-precedence
-- why: "account 42, pending or processing" returns the processing orders of every account
SELECT o.id, o.state, o.created_at
FROM orders o
WHERE o.account_id = 42 AND o.state = 0 OR o.state = 1
ORDER BY o.created_at DESC
LIMIT 50;

-- case: one-accounts-open-orders-parenthesised
SELECT o.id, o.state, o.created_at
FROM orders o
WHERE o.account_id = 42 AND (o.state = 0 OR o.state = 1)
ORDER BY o.created_at DESC
LIMIT 50;

-- case: live-card-or-paypal-payments
-- expect: and-or-precedence
-- why: NOT is_deleted only applies to PayPal: deleted card payments are counted
SELECT p.method, count(*) AS payments, sum(p.amount_cents) / 100.0 AS amount
FROM billing.payments p
WHERE p.method = 'card' OR p.method = 'paypal' AND NOT p.is_deleted
  AND p.amount_cents < 1000000
GROUP BY p.method;

-- case: live-card-or-paypal-payments-parenthesised
SELECT p.method, count(*) AS payments, sum(p.amount_cents) / 100.0 AS amount
FROM billing.payments p
WHERE (p.method = 'card' OR p.method = 'paypal') AND NOT p.is_deleted
  AND p.amount_cents < 1000000
GROUP BY p.method;

-- case: old-open-or-overdue-invoices-mixed-case
-- expect: and-or-precedence
-- why: the due date limits only the overdue invoices
SELECT I.Number, I.Status, I.Due_Date
FROM Billing.Invoices I
WHERE I.Status = 'open' OR I.Status = 'overdue' AND I.Due_Date < DATE '2025-01-01'
ORDER BY I.Due_Date
LIMIT 100;

-- case: old-open-or-overdue-invoices-mixed-case-in
SELECT I.Number, I.Status, I.Due_Date
FROM Billing.Invoices I
WHERE I.Status IN ('open', 'overdue') AND I.Due_Date < DATE '2025-01-01'
ORDER BY I.Due_Date
LIMIT 100;

-- case: live-users-of-two-accounts-cte
-- expect: and-or-precedence
-- why: in the CTE, deleted users of account 7 slip through
WITH team AS (
    SELECT u.id, u.email, u.account_id
    FROM users u
    WHERE u.account_id = 3 OR u.account_id = 7 AND u.deleted_at IS NULL
)
SELECT t.account_id, count(*) AS members
FROM team t
GROUP BY t.account_id;

-- case: live-users-of-two-accounts-cte-parenthesised
WITH team AS (
    SELECT u.id, u.email, u.account_id
    FROM users u
    WHERE (u.account_id = 3 OR u.account_id = 7) AND u.deleted_at IS NULL
)
SELECT t.account_id, count(*) AS members
FROM team t
GROUP BY t.account_id;

-- case: big-refunds-for-fraud-or-duplicates-in-join
-- expect: and-or-precedence
-- why: in the JOIN's ON, the amount limit binds only to the duplicate-charge refunds
SELECT p.id, p.method, r.reason, r.amount_cents
FROM billing.payments p
JOIN billing.refunds r ON r.payment_id = p.id AND (r.reason = 'fraud' OR r.reason = 'duplicate charge' AND r.amount_cents > 50000)
WHERE NOT p.is_deleted
ORDER BY r.amount_cents DESC
LIMIT 20;

-- case: big-refunds-for-fraud-or-duplicates-in-join-parenthesised
SELECT p.id, p.method, r.reason, r.amount_cents
FROM billing.payments p
JOIN billing.refunds r ON r.payment_id = p.id AND (r.reason = 'fraud' OR r.reason = 'duplicate charge') AND r.amount_cents > 50000
WHERE NOT p.is_deleted
ORDER BY r.amount_cents DESC
LIMIT 20;

-- case: cancelled-or-old-pending-intended-grouping-explicit
-- why: the grouping AND-before-OR is what is meant, and the parentheses say so
SELECT count(*) AS to_review
FROM orders o
WHERE o.state = 4 OR (o.state = 0 AND o.created_at < '2025-01-01');

-- case: either-or-full-and-groups
-- why: both branches are complete AND groups: a deliberate either/or
SELECT count(*) AS to_review
FROM orders o
WHERE o.state = 0 AND o.created_at < '2025-01-01' OR o.state = 1 AND o.created_at < '2024-06-01';

-- case: users-missing-a-phone-or-a-name
-- why: the OR's branches test different columns: no column is tested in both
SELECT count(*) AS incomplete_profiles
FROM users u
WHERE u.deleted_at IS NULL AND (u.phone IS NULL OR u.full_name IS NULL);

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: and-or-precedence
-- why: written as an assistant would, after the rule existed
SELECT id FROM orders WHERE deleted_at IS NULL AND state = 1 OR state = 2;

-- case: probe-2-right
SELECT id FROM orders WHERE deleted_at IS NULL AND (state = 1 OR state = 2);
