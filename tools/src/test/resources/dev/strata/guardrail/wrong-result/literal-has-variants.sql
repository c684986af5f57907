-- literal-has-variants on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): an equality with
-- a value the column holds in several case/whitespace spellings matches only one of them. Each wrong query sits
-- beside its correct twin (no "-- expect:" line), which compares the normalised value.
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: acme-corp-accounts-exact-name
-- expect: literal-has-variants
-- why: 'Acme Corp' is 10 of the 50 accounts of that company (5 spellings)
SELECT id, name, plan
FROM accounts
WHERE name = 'Acme Corp'
  AND NOT is_test
ORDER BY id;

-- case: acme-corp-accounts-normalised-name
SELECT id, name, plan
FROM accounts
WHERE lower(btrim(regexp_replace(name, '\s+', ' ', 'g'))) = 'acme corp'
  AND NOT is_test
ORDER BY id;

-- case: pro-accounts-per-region-plan
-- expect: literal-has-variants
-- why: plan = 'pro' misses the 40 'PRO' accounts
SELECT a.region_code, count(*) AS pro_accounts
FROM accounts a
WHERE a.plan = 'pro'
  AND NOT a.is_test
GROUP BY a.region_code
ORDER BY pro_accounts DESC;

-- case: pro-accounts-per-region-plan-lower
SELECT a.region_code, count(*) AS pro_accounts
FROM accounts a
WHERE lower(a.plan) = 'pro'
  AND NOT a.is_test
GROUP BY a.region_code
ORDER BY pro_accounts DESC;

-- case: paid-invoices-amount-status
-- expect: literal-has-variants
-- why: 'PAID' and 'Paid ' invoices (4,800) are left out
SELECT count(*) AS paid_invoices, sum(i.amount_cents) / 100.0 AS paid_amount
FROM billing.invoices i
WHERE i.status = 'paid'
  AND i.number > 0;

-- case: paid-invoices-amount-status-normalised
SELECT count(*) AS paid_invoices, sum(i.amount_cents) / 100.0 AS paid_amount
FROM billing.invoices i
WHERE lower(btrim(i.status)) = 'paid'
  AND i.number > 0;

-- case: unpaid-invoices-not-equal
-- expect: literal-has-variants
-- why: <> 'paid' counts the 'PAID' and 'Paid ' invoices as unpaid
SELECT i.account_id, count(*) AS unpaid
FROM billing.invoices i
WHERE i.status <> 'paid'
GROUP BY i.account_id
ORDER BY unpaid DESC
LIMIT 20;

-- case: unpaid-invoices-not-equal-normalised
SELECT i.account_id, count(*) AS unpaid
FROM billing.invoices i
WHERE lower(btrim(i.status)) <> 'paid'
GROUP BY i.account_id
ORDER BY unpaid DESC
LIMIT 20;

-- case: license-products-in-list-mixed-case
-- expect: literal-has-variants
-- why: the IN list holds 'Licenses' and 'Services'; both also appear in lower case
SELECT P.Sku, P.Name, P.Category
FROM Public.Products P
WHERE P.Category IN ('Licenses', 'Services')
  AND NOT P.Discontinued
ORDER BY P.Sku;

-- case: license-products-in-list-mixed-case-normalised
SELECT P.Sku, P.Name, P.Category
FROM Public.Products P
WHERE lower(btrim(P.Category)) IN ('licenses', 'services')
  AND NOT P.Discontinued
ORDER BY P.Sku;

-- case: globex-orders-cte
-- expect: literal-has-variants
-- why: the CTE picks only the accounts spelled exactly 'Globex GmbH'
WITH globex AS (
    SELECT a.id
    FROM accounts a
    WHERE a.name = 'Globex GmbH'
)
SELECT count(*) AS orders
FROM orders o
JOIN globex g ON g.id = o.account_id;

-- case: globex-orders-cte-normalised
WITH globex AS (
    SELECT a.id
    FROM accounts a
    WHERE lower(btrim(regexp_replace(a.name, '\s+', ' ', 'g'))) = 'globex gmbh'
)
SELECT count(*) AS orders
FROM orders o
JOIN globex g ON g.id = o.account_id;

-- case: enterprise-accounts-subquery
-- expect: literal-has-variants
-- why: 'enterprise' misses the 100 'Enterprise' accounts
SELECT u.email
FROM users u
WHERE u.account_id IN (SELECT a.id FROM accounts a WHERE a.plan = 'enterprise' AND NOT a.is_test)
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 50;

-- case: enterprise-accounts-subquery-normalised
SELECT u.email
FROM users u
WHERE u.account_id IN (SELECT a.id FROM accounts a WHERE lower(a.plan) = 'enterprise' AND NOT a.is_test)
  AND u.deleted_at IS NULL
ORDER BY u.id
LIMIT 50;

-- case: open-invoices-single-spelling
-- why: 'open' has one spelling in the data
SELECT count(*) AS open_invoices
FROM billing.invoices i
WHERE i.status = 'open';

-- case: free-accounts-single-spelling
-- why: 'free' has one spelling in the data
SELECT count(*) AS free_accounts
FROM accounts a
WHERE a.plan = 'free'
  AND NOT a.is_test;

-- case: pro-accounts-every-spelling-listed
-- why: the IN list names every spelling of the value
SELECT count(*) AS pro_accounts
FROM accounts
WHERE plan IN ('pro', 'PRO')
  AND NOT is_test;

-- case: acme-accounts-ilike
-- why: ILIKE ignores case (not equality)
SELECT count(*) AS acme_accounts
FROM accounts
WHERE name ILIKE 'acme corp'
  AND NOT is_test;

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: literal-has-variants
-- why: written as an assistant would, after the rule existed
SELECT count(*) FROM billing.invoices WHERE status = 'paid';

-- case: probe-2-right
SELECT count(*) FROM billing.invoices WHERE lower(trim(status)) = 'paid';

-- case: probe-3-wrong
-- expect: literal-has-variants
-- why: written as an assistant would, after the rule existed
SELECT count(*) FROM accounts WHERE plan = 'pro' AND NOT is_test;

-- case: probe-4-right
SELECT count(*) FROM accounts WHERE plan = 'free' AND NOT is_test;
