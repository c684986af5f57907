-- Wrong queries on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md), written the way an
-- assistant writes them from the catalog alone. "-- expect:" lists every guardrail rule the case must trigger
-- (and no other). PostgreSQL rejects the unknown-name, ambiguity, type-mismatch and syntax cases by itself;
-- all the others run and return plausible but wrong rows.
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: users-latest-order-bare-id
-- expect: bare-id-join
-- why: orders.id is joined to users.id; the user of an order is orders.user_id
SELECT u.id, u.email, max(o.created_at) AS last_order_at
FROM users u
JOIN orders o ON o.id = u.id
WHERE u.deleted_at IS NULL
GROUP BY u.id, u.email
ORDER BY last_order_at DESC
LIMIT 50;

-- case: users-per-account-bare-id
-- expect: bare-id-join
-- why: accounts.id = users.id pairs account n with user n, so every account "has" exactly one user
SELECT a.name, count(u.id) AS users
FROM accounts a
JOIN users u ON u.id = a.id
WHERE u.deleted_at IS NULL
GROUP BY a.name
ORDER BY users DESC;

-- case: order-lines-bare-id
-- expect: bare-id-join
-- why: order_items.id is the line id, not the order id: order 12345 gets line 12345 of some other order
SELECT o.id AS order_id, oi.sku, oi.quantity, oi.unit_price_cents
FROM orders o
JOIN order_items oi ON oi.id = o.id
WHERE o.id = 12345;

-- case: payments-of-invoice-bare-id
-- expect: bare-id-join
-- why: both ids are uuids, but a payment's id never equals its invoice's id (the link is payments.invoice_id): 0 rows
SELECT i.number, i.amount_cents, p.amount_cents AS paid_cents, p.paid_at
FROM billing.invoices i
JOIN billing.payments p ON p.id = i.id
WHERE NOT p.is_deleted
  AND i.number BETWEEN 100000 AND 100100;

-- case: events-per-account-bare-id
-- expect: bare-id-join
-- why: events.id is the event's own identity; the account is events.account_id
WITH upgrades AS (
    SELECT e.id, e.created_at
    FROM events e
    WHERE e.payload->>'action' = 'upgrade'
       OR e.payload->'event'->>'type' = 'upgrade'
)
SELECT a.name, count(*) AS upgrades
FROM upgrades up
JOIN accounts a ON a.id = up.id
GROUP BY a.name
ORDER BY upgrades DESC
LIMIT 10;

-- case: user-addresses-bare-id
-- expect: bare-id-join
-- why: the address row id is joined to the user id; the link is tmp_customer_addresses.user_id
SELECT u.email, t.line1, t.city, t.country
FROM users u
JOIN tmp_customer_addresses t ON t.id = u.id
WHERE u.deleted_at IS NULL
  AND t.is_primary
LIMIT 100;

-- case: orders-per-account-via-user-id
-- expect: fk-target-mismatch
-- why: orders.user_id references users, not accounts: user 17 is taken for account 17
SELECT a.id, a.name, count(o.id) AS orders, sum(o.total_cents) / 100.0 AS revenue
FROM accounts a
JOIN orders o ON o.user_id = a.id
WHERE NOT a.is_test
GROUP BY a.id, a.name
ORDER BY revenue DESC
LIMIT 20;

-- case: items-bought-by-user-order-id
-- expect: fk-target-mismatch
-- why: order_items.order_id references orders, so it is compared with user ids
SELECT u.email, oi.sku, oi.quantity
FROM users u
JOIN order_items oi ON oi.order_id = u.id
WHERE u.deleted_at IS NULL
  AND u.account_id = 42;

-- case: refunds-per-invoice-payment-id
-- expect: fk-target-mismatch
-- why: refunds.payment_id references billing.payments; compared with invoice ids it matches nothing (same uuid type)
SELECT i.number, count(r.id) AS refunds, sum(r.amount_cents) / 100.0 AS refunded
FROM billing.invoices i
JOIN billing.refunds r ON r.payment_id = i.id
GROUP BY i.number
ORDER BY refunded DESC;

-- case: events-per-user-account-id
-- expect: fk-target-mismatch
-- why: events.account_id references accounts; the user is inside the JSON payload
SELECT u.email, count(*) AS events
FROM events e
JOIN users u ON u.id = e.account_id
WHERE u.deleted_at IS NULL
GROUP BY u.email
ORDER BY events DESC
LIMIT 20;

-- case: addresses-per-account-user-id
-- expect: fk-target-mismatch
-- why: tmp_customer_addresses.user_id references users, not accounts
SELECT a.name, t.city, t.country
FROM accounts a
JOIN tmp_customer_addresses t ON t.user_id = a.id
WHERE t.is_primary
  AND a.region_code = 'UK';

-- case: comments-on-invoice-no-type
-- expect: polymorphic-missing-type-filter
-- why: commentable_id 100036 is also an order id: the order's comments come back as the invoice's
SELECT c.id, c.body, c.created_at
FROM comments c
WHERE c.commentable_id = 100036
ORDER BY c.created_at;

-- case: recent-order-comments-no-type
-- expect: polymorphic-missing-type-filter
-- why: every commentable_id is a valid order id, so invoice and user comments are attached to orders too
SELECT o.id AS order_id, o.created_at, c.body
FROM orders o
JOIN comments c ON c.commentable_id = o.id
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
ORDER BY o.created_at DESC;

-- case: attachments-of-order-no-type
-- expect: polymorphic-missing-type-filter
-- why: owner_id 1288 is both an order and a user: the user's avatar is listed as an order document
SELECT att.filename, att.content_type, att.uploaded_at
FROM attachments att
WHERE att.owner_id = 1288;

-- case: contracts-per-account-no-owner-type
-- expect: polymorphic-missing-type-filter
-- why: owner_id is only an account id when owner_type = 'Account'; order and user attachments are counted too
SELECT a.id, a.name, count(att.id) AS documents
FROM accounts a
JOIN attachments att ON att.owner_id = a.id
WHERE NOT a.is_test
GROUP BY a.id, a.name
ORDER BY documents DESC
LIMIT 20;

-- case: comment-counts-per-order-cte-no-type
-- expect: polymorphic-missing-type-filter
-- why: the CTE groups by commentable_id across all three types before the join to orders
WITH comment_counts AS (
    SELECT commentable_id, count(*) AS n
    FROM comments
    GROUP BY commentable_id
)
SELECT o.id, o.total_cents, cc.n AS comments
FROM orders o
JOIN comment_counts cc ON cc.commentable_id = o.id
WHERE o.state = 4
ORDER BY cc.n DESC
LIMIT 20;

-- case: users-per-account-with-deleted
-- expect: soft-delete-not-filtered
-- why: 8 % of users are soft-deleted and are still counted
SELECT a.name, count(u.id) AS users
FROM accounts a
JOIN users u ON u.account_id = a.id
WHERE NOT a.is_test
GROUP BY a.name
ORDER BY users DESC
LIMIT 20;

-- case: revenue-q4-2024-with-deleted-payments
-- expect: soft-delete-not-filtered
-- why: 3 % of payments are soft-deleted (is_deleted) and are summed anyway
SELECT date_trunc('month', p.paid_at) AS month, sum(p.amount_cents) / 100.0 AS revenue
FROM billing.payments p
WHERE p.paid_at >= timestamptz '2024-10-01 00:00:00+00'
  AND p.paid_at < timestamptz '2025-01-01 00:00:00+00'
GROUP BY 1
ORDER BY 1;

-- case: signups-per-month-with-deleted
-- expect: soft-delete-not-filtered
-- why: deleted users stay in the table and are counted as signups
SELECT date_trunc('month', created_at) AS month, count(*) AS signups
FROM users
WHERE created_at >= timestamptz '2024-01-01 00:00:00+00'
GROUP BY 1
ORDER BY 1;

-- case: users-latest-order-lateral-with-deleted
-- expect: soft-delete-not-filtered
-- why: correct join, but deleted users are listed as customers
SELECT u.id, u.email, lo.created_at AS last_order_at
FROM users u
CROSS JOIN LATERAL (
    SELECT o.created_at
    FROM orders o
    WHERE o.user_id = u.id
    ORDER BY o.created_at DESC
    LIMIT 1
) AS lo
ORDER BY lo.created_at DESC
LIMIT 50;

-- case: refund-rate-by-method-with-deleted
-- expect: soft-delete-not-filtered
-- why: the payment denominator includes the soft-deleted payments
SELECT p.method,
       count(DISTINCT r.payment_id) AS refunded_payments,
       count(DISTINCT p.id) AS payments,
       round(100.0 * count(DISTINCT r.payment_id) / count(DISTINCT p.id), 2) AS refund_rate
FROM billing.payments p
LEFT JOIN billing.refunds r ON r.payment_id = p.id
GROUP BY p.method
ORDER BY refund_rate DESC;

-- case: accounts-with-recent-login-exists-with-deleted
-- expect: soft-delete-not-filtered
-- why: the users read inside EXISTS include deleted users, whose last login keeps an account "active"
SELECT a.id, a.name
FROM accounts a
WHERE EXISTS (
    SELECT 1
    FROM users u
    WHERE u.account_id = a.id
      AND u."lastLoginAt" >= timestamptz '2025-01-01 00:00:00+00'
)
ORDER BY a.id;

-- case: orders-per-customer-id
-- expect: unknown-column, sentinel-values
-- why: orders has no customer_id (it has user_id and account_id); the unfiltered sum also includes the test orders
SELECT customer_id, count(*) AS orders, sum(total_cents) / 100.0 AS revenue
FROM orders
GROUP BY customer_id
ORDER BY revenue DESC
LIMIT 10;

-- case: inactive-users-snake-case-login
-- expect: unknown-column
-- why: the column is the quoted camelCase "lastLoginAt", there is no last_login_at
SELECT u.id, u.email, u.last_login_at
FROM users u
WHERE u.deleted_at IS NULL
  AND u.last_login_at < now() - interval '180 days';

-- case: inactive-users-unquoted-camel-case
-- expect: unknown-column
-- why: unquoted lastLoginAt folds to lastloginat, which does not exist
SELECT u.email, u.lastLoginAt
FROM users u
WHERE u.deleted_at IS NULL
ORDER BY u.lastLoginAt DESC NULLS LAST
LIMIT 20;

-- case: invoices-paid-last-month-paid-at
-- expect: unknown-column
-- why: paid_at is a column of billing.payments, not of billing.invoices
SELECT i.number, i.amount_cents, i.paid_at
FROM billing.invoices i
WHERE i.paid_at >= date_trunc('month', now()) - interval '1 month'
  AND i.paid_at < date_trunc('month', now());

-- case: product-revenue-item-price
-- expect: unknown-column
-- why: order_items has unit_price_cents, not price
SELECT p.category, sum(oi.quantity * oi.price) AS revenue
FROM order_items oi
JOIN products p ON p.sku = oi.sku
GROUP BY p.category
ORDER BY revenue DESC;

-- case: accounts-per-region-column
-- expect: unknown-column
-- why: the column is region_code
SELECT a.region, count(*) AS accounts
FROM accounts a
GROUP BY a.region
ORDER BY accounts DESC;

-- case: average-order-amount
-- expect: unknown-column
-- why: orders has total_cents, not amount
WITH monthly AS (
    SELECT date_trunc('month', o.created_at) AS month, avg(o.amount) AS avg_amount
    FROM orders o
    WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00'
    GROUP BY 1
)
SELECT * FROM monthly ORDER BY month;

-- case: overdue-invoices-unqualified
-- expect: unknown-table
-- why: invoices lives in the billing schema, which is not on the search_path
SELECT count(*) AS overdue, sum(amount_cents) / 100.0 AS amount
FROM invoices
WHERE status = 'overdue';

-- case: top-customers-table
-- expect: unknown-table
-- why: there is no customers table (customers are accounts)
SELECT c.name, c.country, c.lifetime_value
FROM customers c
WHERE c.country = 'DE'
ORDER BY c.lifetime_value DESC
LIMIT 10;

-- case: payments-of-invoice-unqualified
-- expect: unknown-table
-- why: payments is billing.payments; the unqualified name does not resolve
SELECT i.number, p.amount_cents, p.method
FROM billing.invoices i
JOIN payments p ON p.invoice_id = i.id
WHERE NOT p.is_deleted
  AND i.number = 100004;

-- case: archived-orders-unqualified
-- expect: unknown-table
-- why: order_archive lives in the legacy schema
SELECT status, count(*) AS orders
FROM order_archive
GROUP BY status;

-- case: refunds-in-public
-- expect: unknown-table
-- why: refunds is in billing, not in public
SELECT reason, count(*) AS refunds
FROM public.refunds
GROUP BY reason
ORDER BY refunds DESC;

-- case: order-lines-table-name
-- expect: unknown-table
-- why: the table is order_items, there is no line_items
SELECT li.order_id, count(*) AS lines
FROM line_items li
JOIN orders o ON o.id = li.order_id
WHERE o.created_at >= timestamptz '2019-01-01 00:00:00+00'
GROUP BY li.order_id;

-- case: comments-on-invoice-by-uuid
-- expect: join-type-mismatch
-- why: invoice comments store the bigint invoice number; billing.invoices.id is a uuid
SELECT i.number, c.body
FROM billing.invoices i
JOIN comments c ON c.commentable_type = 'invoice' AND c.commentable_id = i.id
WHERE i.number = 100036;

-- case: payments-by-invoice-number
-- expect: join-type-mismatch
-- why: payments.invoice_id is the invoice's uuid, not its bigint number
SELECT i.number, p.method, p.amount_cents
FROM billing.payments p
JOIN billing.invoices i ON i.number = p.invoice_id
WHERE NOT p.is_deleted
  AND i.number BETWEEN 100000 AND 100050;

-- case: invoices-issued-on-order-date
-- expect: join-type-mismatch
-- why: issued_on is text in four formats, created_at a timestamptz
SELECT o.id, i.number, i.issued_on
FROM orders o
JOIN billing.invoices i ON i.order_id = o.id AND i.issued_on = o.created_at
WHERE o.created_at >= timestamptz '2024-01-01 00:00:00+00';

-- case: order-status-matches-invoice-status
-- expect: join-type-mismatch
-- why: orders.status is a smallint code, invoices.status free text
SELECT o.id, o.status, i.status
FROM orders o
JOIN billing.invoices i ON i.order_id = o.id
WHERE i.status = o.status
LIMIT 100;

-- case: items-and-orders-comma-join
-- expect: cartesian-join
-- why: the join condition between orders and order_items is missing: every item is paired with every order
SELECT count(*) AS items, sum(oi.quantity) AS units
FROM orders o, order_items oi
WHERE o.id BETWEEN 99001 AND 99100
  AND oi.quantity > 1;

-- case: enterprise-accounts-regions-on-true
-- expect: cartesian-join
-- why: JOIN ... ON true pairs each account with all twelve regions
SELECT a.name, r.name AS region
FROM accounts a
JOIN regions r ON true
WHERE lower(a.plan) = 'enterprise'
  AND NOT a.is_test
ORDER BY a.name
LIMIT 100;

-- case: hardware-orders-disconnected-products
-- expect: cartesian-join
-- why: products is in FROM with no condition linking it to the orders and accounts
SELECT a.name, o.id, p.name AS product
FROM orders o
JOIN accounts a ON a.id = o.account_id,
     products p
WHERE p.category = 'Hardware'
  AND o.created_at >= timestamptz '2025-06-25 00:00:00+00';

-- case: monthly-orders-vs-invoices-ctes-no-join
-- expect: cartesian-join
-- why: the two monthly CTEs are listed side by side without matching their months
WITH monthly_orders AS (
    SELECT date_trunc('month', o.created_at AT TIME ZONE 'UTC')::date AS month, count(*) AS orders
    FROM orders o
    WHERE o.created_at >= timestamptz '2024-01-01 00:00:00+00'
    GROUP BY 1
),
monthly_invoices AS (
    SELECT date_trunc('month', i.due_date - 30)::date AS month, count(*) AS invoices
    FROM billing.invoices i
    WHERE i.due_date >= date '2024-01-31'
    GROUP BY 1
)
SELECT mo.month, mo.orders, mi.invoices
FROM monthly_orders mo, monthly_invoices mi
ORDER BY mo.month;

-- case: products-per-region-category-code
-- expect: unrelated-join
-- why: a region code never equals a product category; the tables have no relationship at all
SELECT r.name AS region, count(p.sku) AS products
FROM regions r
JOIN products p ON p.category = r.code
GROUP BY r.name;

-- case: customers-per-region-by-country
-- expect: unrelated-join
-- why: a two-letter country is not a region code: only 'CA' happens to match
SELECT r.name AS region, count(*) AS customers
FROM tmp_customer_addresses t
JOIN regions r ON r.code = t.country
WHERE t.is_primary
GROUP BY r.name
ORDER BY customers DESC;

-- case: legacy-addresses-per-region-name
-- expect: unrelated-join
-- why: addresses.country is a free-text country, regions.name a sales region
SELECT r.code, count(ad.id) AS addresses
FROM addresses ad
JOIN regions r ON r.name = ad.country
GROUP BY r.code;

-- case: orders-with-their-event-by-timestamp
-- expect: unrelated-join
-- why: orders and events share no key; equal timestamps are coincidence
SELECT o.id, o.total_cents, e.payload
FROM orders o
JOIN events e ON e.created_at = o.created_at
WHERE o.created_at >= timestamptz '2015-06-01 00:00:00+00';

-- case: order-items-ambiguous-id
-- expect: ambiguous-column
-- why: id exists in orders and order_items
SELECT id, total_cents, sku, quantity
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.id = 12345;

-- case: customers-with-orders-ambiguous-deleted-at
-- expect: ambiguous-column
-- why: deleted_at exists in users and orders, so the soft-delete filter is ambiguous
SELECT u.email, count(o.id) AS orders
FROM users u
JOIN orders o ON o.user_id = u.id
WHERE deleted_at IS NULL
GROUP BY u.email
ORDER BY orders DESC
LIMIT 10;

-- case: accounts-per-region-ambiguous-name
-- expect: ambiguous-column
-- why: name exists in accounts and regions
SELECT name, count(*) AS accounts
FROM accounts a
JOIN regions r ON r.code = a.region_code
GROUP BY name;

-- case: paid-order-invoices-ambiguous-status
-- expect: ambiguous-column
-- why: status exists in orders (smallint) and billing.invoices (text)
SELECT o.id, i.number, i.amount_cents
FROM billing.invoices i
JOIN orders o ON o.id = i.order_id
WHERE status = 'paid'
LIMIT 50;

-- case: newest-orders-ambiguous-created-at
-- expect: ambiguous-column
-- why: created_at exists in orders and accounts
SELECT o.id, a.name, created_at
FROM orders o
JOIN accounts a ON a.id = o.account_id
ORDER BY o.created_at DESC
LIMIT 10;

-- case: top-orders-tsql-top
-- expect: syntax-error
-- why: TOP is T-SQL; PostgreSQL uses LIMIT
SELECT TOP 10 id, total_cents
FROM orders
ORDER BY total_cents DESC;

-- case: accounts-mysql-backticks
-- expect: syntax-error
-- why: backtick quoting is MySQL syntax
SELECT `name`, `plan`
FROM `accounts`
WHERE `is_test` = false;

-- case: recent-orders-mysql-interval
-- expect: syntax-error
-- why: INTERVAL 30 DAY is MySQL; PostgreSQL needs interval '30 days'
SELECT count(*) AS recent_orders
FROM orders
WHERE created_at >= NOW() - INTERVAL 30 DAY;

-- case: revenue-trailing-comma
-- expect: syntax-error
-- why: a trailing comma before FROM
SELECT a.name,
       sum(o.total_cents) AS revenue,
FROM orders o
JOIN accounts a ON a.id = o.account_id
GROUP BY a.name;

-- case: users-latest-order-bare-id-with-deleted
-- expect: bare-id-join, soft-delete-not-filtered
-- why: users.id = orders.id, and deleted users are included
SELECT u.email, o.id AS order_id, o.created_at
FROM users u
JOIN orders o ON o.id = u.id
ORDER BY o.created_at DESC
LIMIT 20;

-- case: user-avatars-no-type-with-deleted
-- expect: polymorphic-missing-type-filter, soft-delete-not-filtered
-- why: order and account attachments are matched to users, and deleted users are included
SELECT u.email, att.filename
FROM users u
JOIN attachments att ON att.owner_id = u.id
WHERE att.content_type LIKE 'image/%';

-- case: orders-per-user-account-id-with-deleted
-- expect: fk-target-mismatch, soft-delete-not-filtered
-- why: orders.account_id references accounts but is compared with user ids; deleted users included
SELECT u.id, u.email, count(o.id) AS orders
FROM users u
LEFT JOIN orders o ON o.account_id = u.id
GROUP BY u.id, u.email
ORDER BY orders DESC
LIMIT 20;

-- case: test-users-comma-join-with-deleted
-- expect: cartesian-join, soft-delete-not-filtered
-- why: the users-to-accounts condition is missing (every user pairs with each test account) and deleted users count
SELECT count(*) AS test_users
FROM users u, accounts a
WHERE a.is_test;

-- case: invoice-order-uuid-bare-id
-- expect: join-type-mismatch, bare-id-join
-- why: billing.invoices.id (uuid) compared with orders.id (bigint); the link is invoices.order_id
SELECT o.id, i.number, i.amount_cents
FROM orders o
JOIN billing.invoices i ON i.id = o.id
WHERE o.created_at >= timestamptz '2025-01-01 00:00:00+00';

-- case: refunds-by-payment-invoice-id-with-deleted
-- expect: fk-target-mismatch, soft-delete-not-filtered
-- why: payments.invoice_id references invoices but is compared with refunds.payment_id; deleted payments included
SELECT p.method, count(*) AS refunds
FROM billing.refunds r
JOIN billing.payments p ON p.invoice_id = r.payment_id
GROUP BY p.method;

-- ---------------------------------------------------------------------------------------------
-- Data-aware cases: the catalog has nothing against these; only the profiles of the data do.
-- ---------------------------------------------------------------------------------------------

-- case: accounts-plan-capitalised
-- expect: literal-not-in-values
-- why: plan holds 'pro' and 'PRO', never 'Pro': the count is 0
SELECT count(*) AS pro_accounts
FROM accounts
WHERE plan = 'Pro';

-- case: invoices-status-titlecase
-- expect: literal-not-in-values
-- why: status is 'paid', 'PAID' or 'Paid ' (trailing space), never 'Paid'
SELECT count(*) AS paid, sum(amount_cents) AS amount
FROM billing.invoices
WHERE status = 'Paid';

-- case: comments-on-orders-rails-casing
-- expect: literal-not-in-values
-- why: commentable_type is lower case ('order'); 'Order' is the attachments convention
SELECT c.id, c.body
FROM comments c
WHERE c.commentable_type = 'Order'
  AND c.commentable_id = 42;

-- case: attachments-of-orders-lowercase
-- expect: literal-not-in-values
-- why: attachments.owner_type is Rails-style ('Order'), so 'order' matches nothing
SELECT a.filename, a.content_type
FROM attachments a
WHERE a.owner_type = 'order'
  AND a.owner_id = 1000;

-- case: payments-by-credit-card
-- expect: literal-not-in-values
-- why: method holds card, sepa, wire and paypal; 'credit_card' is a guess
SELECT count(*) AS card_payments
FROM billing.payments
WHERE method = 'credit_card'
  AND NOT is_deleted;

-- case: orders-state-undocumented-code
-- expect: literal-not-in-values
-- why: the comment documents states 0..4; 5 does not exist, so "returned orders" is always 0
SELECT count(*) AS returned
FROM orders
WHERE state = 5;

-- case: archive-cancelled-spelled-out
-- expect: literal-not-in-values
-- why: legacy status codes are C, O and X
SELECT count(*)
FROM legacy.order_archive
WHERE status = 'cancelled';

-- case: orders-currency-lowercase
-- expect: literal-not-in-values
-- why: currency is upper-case ISO code ('EUR')
SELECT count(*) AS euro_orders, sum(total_cents) AS total
FROM orders
WHERE currency = 'eur'
  AND state = 3;

-- case: accounts-plan-in-list-with-invented-tier
-- expect: literal-not-in-values
-- why: there is no 'basic' plan (free, pro, enterprise)
SELECT id, name
FROM accounts
WHERE plan IN ('basic', 'free')
ORDER BY id
LIMIT 100;

-- case: accounts-region-lowercase
-- expect: literal-not-in-values
-- why: region codes are upper case ('EU-W')
SELECT count(*)
FROM accounts
WHERE region_code = 'eu-w';

-- case: invoices-issued-in-2024-as-text
-- expect: string-date-comparison
-- why: issued_on is text in four formats; '12/31/2019' >= '2024-01-01' is false but '13/01/2018' is true
SELECT count(*) AS issued_2024
FROM billing.invoices
WHERE issued_on >= '2024-01-01';

-- case: attachments-latest-uploads-text-sort
-- expect: string-date-comparison
-- why: sorting uploaded_at as text puts '31-Dec-2015' before '2024-…' and 'MM/DD' after everything
SELECT id, filename, uploaded_at
FROM attachments
ORDER BY uploaded_at DESC
LIMIT 20;

-- case: invoices-last-issue-date-max-text
-- expect: string-date-comparison
-- why: max() of text dates is the lexically largest string ('31/12/…'), not the latest date
SELECT max(issued_on) AS last_issued
FROM billing.invoices;

-- case: attachments-uploaded-in-2020-between
-- expect: string-date-comparison
-- why: BETWEEN on text only catches the ISO-formatted half of the 2020 uploads (and some slash dates of other years)
SELECT count(*)
FROM attachments
WHERE uploaded_at BETWEEN '2020-01-01' AND '2020-12-31';

-- case: webhook-body-cast-to-jsonb
-- expect: unsafe-cast
-- why: 30 % of response bodies are 'OK', '<ack/>' or HTML: the cast fails on the first one
SELECT id, response_body::jsonb->>'id' AS event_id
FROM webhook_deliveries
WHERE http_status = 200;

-- case: invoices-issued-on-cast-to-date
-- expect: unsafe-cast
-- why: DD/MM/YYYY values with a day over 12 do not parse under DateStyle MDY (and ambiguous ones parse wrong)
SELECT date_trunc('month', issued_on::date) AS month, count(*)
FROM billing.invoices
GROUP BY 1
ORDER BY 1;

-- case: attachments-cast-uploaded-at
-- expect: unsafe-cast
-- why: same four formats in attachments.uploaded_at
SELECT CAST(uploaded_at AS date) AS uploaded, count(*)
FROM attachments
GROUP BY 1;

-- case: archive-order-date-cast
-- expect: unsafe-cast
-- why: 49 rows hold '00000000', which is not a date
SELECT order_date::date AS day, sum(amount)
FROM legacy.order_archive
GROUP BY 1;

-- case: events-upgrades-old-json-key
-- expect: json-path-missing
-- why: action exists only in the first two payload generations: half of the upgrades are missed
SELECT count(*) AS upgrades
FROM events
WHERE payload->>'action' = 'upgrade';

-- case: events-logins-new-json-key
-- expect: json-path-missing
-- why: event.type exists only since 2020: older logins are missed
SELECT date_trunc('year', created_at) AS year, count(*) AS logins
FROM events
WHERE payload->'event'->>'type' = 'login'
GROUP BY 1
ORDER BY 1;

-- case: events-by-metadata-source
-- expect: json-path-missing
-- why: metadata.source is a generation-2 key (20 % of rows); later generations have a top-level source
SELECT payload->'metadata'->>'source' AS source, count(*)
FROM events
GROUP BY 1;

-- case: events-type-top-level
-- expect: json-path-missing
-- why: no payload has a top-level "type" key: the filter is NULL for every row
SELECT count(*)
FROM events
WHERE payload->>'type' = 'signup';

-- case: events-user-path-operator
-- expect: json-path-missing
-- why: event.user_id is only in generations 3 and 4
SELECT payload #>> '{event,user_id}' AS user_id, count(*)
FROM events
GROUP BY 1
ORDER BY 2 DESC
LIMIT 10;

-- case: users-first-signup-epoch
-- expect: sentinel-values
-- why: 400 users have created_at = 1970-01-01, so the "first signup" is the epoch
SELECT min(created_at) AS first_signup
FROM users
WHERE deleted_at IS NULL;

-- case: orders-total-revenue-with-test-orders
-- expect: sentinel-values
-- why: 1,250 test orders of 99,999,999 cents make up 85 % of the sum
SELECT sum(total_cents) / 100.0 AS revenue
FROM orders;

-- case: orders-average-basket
-- expect: sentinel-values
-- why: AVG is 588,805 with the sentinels and 89,251 without
SELECT avg(total_cents) AS avg_cents
FROM orders;

-- case: orders-largest-2024
-- expect: sentinel-values
-- why: the largest order of any year is a 99,999,999 test order
SELECT max(total_cents) AS largest
FROM orders
WHERE created_at >= timestamptz '2024-01-01 00:00:00+00';

-- case: orders-top-ten-by-amount
-- expect: sentinel-values
-- why: the ten biggest orders are all test orders
SELECT id, account_id, total_cents
FROM orders
ORDER BY total_cents DESC
LIMIT 10;

-- case: users-earliest-ten
-- expect: sentinel-values
-- why: the ten "earliest" users are epoch-zero placeholders
SELECT id, created_at
FROM users
WHERE deleted_at IS NULL
ORDER BY created_at
LIMIT 10;

-- case: archive-first-order-date
-- expect: sentinel-values
-- why: '00000000' is the smallest order_date
SELECT min(order_date)
FROM legacy.order_archive;
