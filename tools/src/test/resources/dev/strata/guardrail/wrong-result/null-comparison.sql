-- null-comparison on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): a comparison with
-- NULL is NULL, never true. Each wrong query sits beside its correct twin (no "-- expect:" line), which must stay
-- clean. Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: users-without-phone-equals-null
-- expect: null-comparison
-- why: phone = NULL is never true, so the list is always empty (3,000 users have no phone)
SELECT id, email, full_name
FROM users
WHERE phone = NULL
  AND deleted_at IS NULL
ORDER BY id
LIMIT 100;

-- case: users-without-phone-is-null
SELECT id, email, full_name
FROM users
WHERE phone IS NULL
  AND deleted_at IS NULL
ORDER BY id
LIMIT 100;

-- case: anonymous-comments-count-equals-null
-- expect: null-comparison
-- why: 3,000 comments have no author; author_id = NULL counts 0
SELECT count(*) AS anonymous_comments
FROM comments c
WHERE c.author_id = NULL;

-- case: anonymous-comments-count-is-null
SELECT count(*) AS anonymous_comments
FROM comments c
WHERE c.author_id IS NULL;

-- case: invoices-with-order-not-equals-null
-- expect: null-comparison
-- why: order_id <> NULL is never true either: no invoice is listed
SELECT i.number, i.amount_cents, i.due_date
FROM billing.invoices i
WHERE i.order_id <> NULL
  AND i.due_date < date '2016-01-01'
ORDER BY i.due_date
LIMIT 50;

-- case: invoices-with-order-is-not-null
SELECT i.number, i.amount_cents, i.due_date
FROM billing.invoices i
WHERE i.order_id IS NOT NULL
  AND i.due_date < date '2016-01-01'
ORDER BY i.due_date
LIMIT 50;

-- case: accounts-outside-eu-not-in-with-null
-- expect: null-comparison
-- why: NOT IN with a NULL in the list is never true: no account is counted at all
SELECT region_code, count(*) AS accounts
FROM accounts
WHERE region_code NOT IN ('EU', NULL)
  AND NOT is_test
GROUP BY region_code
ORDER BY accounts DESC;

-- case: accounts-outside-eu-not-in
SELECT region_code, count(*) AS accounts
FROM accounts
WHERE region_code NOT IN ('EU')
  AND NOT is_test
GROUP BY region_code
ORDER BY accounts DESC;

-- case: products-in-category-or-uncategorised-in-with-null
-- expect: null-comparison
-- why: the NULL in the IN list never matches: the 10 products without a category are missing
SELECT p.sku, p.name, p.category
FROM public.products p
WHERE p.category IN ('Software', NULL)
  AND NOT p.discontinued
ORDER BY p.sku;

-- case: products-in-category-or-uncategorised-or-is-null
SELECT p.sku, p.name, p.category
FROM public.products p
WHERE (p.category IN ('Software') OR p.category IS NULL)
  AND NOT p.discontinued
ORDER BY p.sku;

-- case: orders-by-region-case-when-null
-- expect: null-comparison
-- why: the simple CASE compares with =, so WHEN NULL never matches and orders without a region stay NULL
SELECT CASE o.region_code WHEN NULL THEN 'unknown' ELSE o.region_code END AS region,
       count(*) AS orders
FROM orders o
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
GROUP BY 1
ORDER BY orders DESC;

-- case: orders-by-region-case-when-is-null
SELECT CASE WHEN o.region_code IS NULL THEN 'unknown' ELSE o.region_code END AS region,
       count(*) AS orders
FROM orders o
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
GROUP BY 1
ORDER BY orders DESC;

-- case: never-logged-in-cte-mixed-case-equals-null
-- expect: null-comparison
-- why: "lastLoginAt" = NULL inside the CTE: the count is always 0
WITH Never_Seen AS (
    SELECT U.Id, U.Email
    FROM Users U
    WHERE U."lastLoginAt" = NULL
      AND U.Deleted_At IS NULL
)
SELECT count(*) AS never_logged_in
FROM Never_Seen;

-- case: never-logged-in-cte-mixed-case-is-null
WITH Never_Seen AS (
    SELECT U.Id, U.Email
    FROM Users U
    WHERE U."lastLoginAt" IS NULL
      AND U.Deleted_At IS NULL
)
SELECT count(*) AS never_logged_in
FROM Never_Seen;

-- case: orders-of-nameless-users-subquery-equals-null
-- expect: null-comparison
-- why: the subquery's full_name = NULL selects no user, so no order is listed
SELECT o.id, o.total_cents, o.created_at
FROM orders o
WHERE o.user_id IN (
    SELECT u.id
    FROM users u
    WHERE u.full_name = NULL
      AND u.deleted_at IS NULL
)
ORDER BY o.created_at DESC
LIMIT 20;

-- case: orders-of-nameless-users-subquery-is-null
SELECT o.id, o.total_cents, o.created_at
FROM orders o
WHERE o.user_id IN (
    SELECT u.id
    FROM users u
    WHERE u.full_name IS NULL
      AND u.deleted_at IS NULL
)
ORDER BY o.created_at DESC
LIMIT 20;

-- case: refunds-without-reason-null-on-the-left
-- expect: null-comparison
-- why: NULL = r.reason is the same comparison written the other way round
SELECT r.id, r.amount_cents, r.created_at
FROM billing.refunds r
WHERE NULL = r.reason
ORDER BY r.created_at DESC
LIMIT 25;

-- case: refunds-without-reason-is-null
SELECT r.id, r.amount_cents, r.created_at
FROM billing.refunds r
WHERE r.reason IS NULL
ORDER BY r.created_at DESC
LIMIT 25;

-- case: accounts-without-region-having-equals-null
-- expect: null-comparison
-- why: the NULL region group is filtered out by HAVING region_code = NULL: nothing is listed
SELECT a.region_code, count(*) AS accounts
FROM accounts a
WHERE NOT a.is_test
GROUP BY a.region_code
HAVING a.region_code = NULL;

-- case: accounts-without-region-having-is-null
SELECT a.region_code, count(*) AS accounts
FROM accounts a
WHERE NOT a.is_test
GROUP BY a.region_code
HAVING a.region_code IS NULL;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: null-comparison
-- why: written as an assistant would, after the rule existed
SELECT id FROM users WHERE phone != NULL AND deleted_at IS NULL;

-- case: probe-2-right
SELECT id FROM users WHERE phone IS NOT NULL AND deleted_at IS NULL;

-- case: probe-3-wrong
-- expect: null-comparison
-- why: written as an assistant would, after the rule existed
SELECT id, CASE WHEN full_name = NULL THEN 'anon' ELSE full_name END AS shown FROM users WHERE deleted_at IS NULL;

-- case: probe-4-right
SELECT id, CASE WHEN full_name IS NULL THEN 'anon' ELSE full_name END AS shown FROM users WHERE deleted_at IS NULL;
