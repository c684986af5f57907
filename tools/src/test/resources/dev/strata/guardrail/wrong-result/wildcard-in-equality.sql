-- wildcard-in-equality on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): = against a
-- literal with % or _ looks for that exact text; only LIKE expands them. Each wrong query sits beside its correct
-- twin (no "-- expect:" line). Where the column's values are all known, literal-not-in-values also says that the
-- literal is not among them.
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: acme-accounts-equals-percent
-- expect: wildcard-in-equality
-- why: no account is literally called "Acme%"
SELECT id, name, plan
FROM accounts
WHERE name = 'Acme%'
  AND NOT is_test
ORDER BY id;

-- case: acme-accounts-like
SELECT id, name, plan
FROM accounts
WHERE name LIKE 'Acme%'
  AND NOT is_test
ORDER BY id;

-- case: ware-products-leading-percent
-- expect: wildcard-in-equality, literal-not-in-values
-- why: '%ware' was meant to find Hardware and Software
SELECT p.sku, p.name, p.category
FROM products p
WHERE p.category = '%ware'
  AND NOT p.discontinued
ORDER BY p.sku;

-- case: ware-products-like
SELECT p.sku, p.name, p.category
FROM products p
WHERE p.category LIKE '%ware'
  AND NOT p.discontinued
ORDER BY p.sku;

-- case: sku-family-percent
-- expect: wildcard-in-equality
-- why: 'SKU-001%' (SKU-00100 … SKU-00199) is a pattern; as a value it matches nothing
SELECT p.sku, p.name, p.price_cents
FROM products p
WHERE p.sku = 'SKU-001%'
ORDER BY p.sku;

-- case: sku-family-like
SELECT p.sku, p.name, p.price_cents
FROM products p
WHERE p.sku LIKE 'SKU-001%'
ORDER BY p.sku;

-- case: card-or-paypal-payments-in-list-pattern
-- expect: wildcard-in-equality, literal-not-in-values
-- why: IN compares with =, so 'pay%' finds nothing and the PayPal payments are missing
SELECT p.method, count(*) AS payments
FROM billing.payments p
WHERE p.method IN ('card', 'pay%')
  AND NOT p.is_deleted
GROUP BY p.method
ORDER BY payments DESC;

-- case: card-or-paypal-payments-like
SELECT p.method, count(*) AS payments
FROM billing.payments p
WHERE (p.method = 'card' OR p.method LIKE 'pay%')
  AND NOT p.is_deleted
GROUP BY p.method
ORDER BY payments DESC;

-- case: non-test-accounts-not-equal-pattern
-- expect: wildcard-in-equality
-- why: <> 'TEST%' excludes nothing: the "TEST - do not use" accounts stay in
SELECT count(*) AS real_accounts
FROM accounts a
WHERE a.name <> 'TEST%';

-- case: non-test-accounts-not-like
SELECT count(*) AS real_accounts
FROM accounts a
WHERE a.name NOT LIKE 'TEST%';

-- case: pdf-attachments-cte-mixed-case
-- expect: wildcard-in-equality
-- why: no file name contains %: '%.pdf' was meant as a pattern
WITH Pdfs AS (
    SELECT A.Id, A.Filename, A.Owner_Type
    FROM Public.Attachments A
    WHERE A.Filename = '%.pdf'
)
SELECT Owner_Type, COUNT(*) AS Files
FROM Pdfs
GROUP BY Owner_Type
ORDER BY Files DESC;

-- case: pdf-attachments-cte-mixed-case-like
WITH Pdfs AS (
    SELECT A.Id, A.Filename, A.Owner_Type
    FROM Public.Attachments A
    WHERE A.Filename LIKE '%.pdf'
)
SELECT Owner_Type, COUNT(*) AS Files
FROM Pdfs
GROUP BY Owner_Type
ORDER BY Files DESC;

-- case: partner-webhooks-subquery-pattern
-- expect: wildcard-in-equality, literal-not-in-values
-- why: the endpoint filter inside the subquery compares with 'https://hooks.%'
SELECT w.endpoint, count(*) AS failures
FROM webhook_deliveries w
WHERE w.id IN (
    SELECT d.id
    FROM webhook_deliveries d
    WHERE d.endpoint = 'https://hooks.%'
      AND d.http_status >= 500
)
GROUP BY w.endpoint;

-- case: partner-webhooks-subquery-like
SELECT w.endpoint, count(*) AS failures
FROM webhook_deliveries w
WHERE w.id IN (
    SELECT d.id
    FROM webhook_deliveries d
    WHERE d.endpoint LIKE 'https://hooks.%'
      AND d.http_status >= 500
)
GROUP BY w.endpoint;

-- case: do-not-use-accounts-underscore-value
-- why: DO_NOT_USE is a real name: the underscores are part of the value
SELECT id, name, created_at
FROM accounts
WHERE name = 'DO_NOT_USE'
ORDER BY id;

-- case: one-file-name-with-underscore
-- why: file names hold underscores (IMG_0074.JPG), so an equality with one is meant as written
SELECT a.id, a.owner_type, a.content_type
FROM attachments a
WHERE a.filename = 'IMG_0074.JPG';

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: wildcard-in-equality
-- why: written as an assistant would, after the rule existed
SELECT id FROM users WHERE email = '%@example.com' AND deleted_at IS NULL;

-- case: probe-2-right
SELECT id FROM users WHERE email LIKE '%@example.com' AND deleted_at IS NULL;
