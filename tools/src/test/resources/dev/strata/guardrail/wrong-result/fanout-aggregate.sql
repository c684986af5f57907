-- fanout-aggregate on the Strata demo database (Acme Commerce, see dev/strata/demo/README.md): an aggregate of a
-- table's column after a join that repeats its rows (one-to-many by keys). Each wrong query sits beside its correct
-- twin (no "-- expect:" line): the child aggregated first, DISTINCT, or the join replaced by EXISTS.
-- Format: "-- case:", "-- expect:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: revenue-and-units-2016-join-items
-- expect: fanout-aggregate
-- why: an order with three items adds its total three times (order_items.order_id references orders, declared)
SELECT sum(o.total_cents) / 100.0 AS revenue, sum(oi.quantity) AS units
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
JOIN accounts a ON a.id = o.account_id
WHERE o.created_at >= timestamptz '2016-01-01 00:00:00+00'
  AND o.created_at < timestamptz '2017-01-01 00:00:00+00'
  AND NOT a.is_test;

-- case: revenue-and-units-2016-items-pre-aggregated
WITH items AS (
    SELECT order_id, sum(quantity) AS units
    FROM order_items
    GROUP BY order_id
)
SELECT sum(o.total_cents) / 100.0 AS revenue, sum(i.units) AS units
FROM orders o
JOIN items i ON i.order_id = o.id
JOIN accounts a ON a.id = o.account_id
WHERE o.created_at >= timestamptz '2016-01-01 00:00:00+00'
  AND o.created_at < timestamptz '2017-01-01 00:00:00+00'
  AND NOT a.is_test;

-- case: orders-and-users-per-account
-- expect: fanout-aggregate
-- why: orders and users both hang off accounts: every order is counted once per user of its account
SELECT a.name, count(o.id) AS orders, count(u.id) AS users
FROM accounts a
JOIN orders o ON o.account_id = a.id
JOIN users u ON u.account_id = a.id
WHERE NOT a.is_test
  AND u.deleted_at IS NULL
GROUP BY a.name
ORDER BY orders DESC
LIMIT 20;

-- case: orders-and-users-per-account-distinct
SELECT a.name, count(DISTINCT o.id) AS orders, count(DISTINCT u.id) AS users
FROM accounts a
JOIN orders o ON o.account_id = a.id
JOIN users u ON u.account_id = a.id
WHERE NOT a.is_test
  AND u.deleted_at IS NULL
GROUP BY a.name
ORDER BY orders DESC
LIMIT 20;

-- case: invoiced-and-paid-per-account
-- expect: fanout-aggregate
-- why: an invoice paid in two halves is invoiced twice
SELECT i.account_id, sum(i.amount_cents) AS invoiced, sum(p.amount_cents) AS paid
FROM billing.invoices i
JOIN billing.payments p ON p.invoice_id = i.id
WHERE NOT p.is_deleted
  AND i.due_date >= date '2020-01-01'
GROUP BY i.account_id
ORDER BY invoiced DESC
LIMIT 20;

-- case: invoiced-and-paid-per-account-payments-pre-aggregated
SELECT i.account_id, sum(i.amount_cents) AS invoiced, sum(pp.paid) AS paid
FROM billing.invoices i
JOIN (
    SELECT p.invoice_id, sum(p.amount_cents) AS paid
    FROM billing.payments p
    WHERE NOT p.is_deleted
    GROUP BY p.invoice_id
) pp ON pp.invoice_id = i.id
WHERE i.due_date >= date '2020-01-01'
GROUP BY i.account_id
ORDER BY invoiced DESC
LIMIT 20;

-- case: paid-and-refunded-per-method-inferred
-- expect: fanout-aggregate
-- why: refunds.payment_id references payments.id (inferred, no foreign key): a payment with two refunds is summed twice
SELECT p.method, sum(p.amount_cents) AS paid, count(r.id) AS refunds
FROM billing.payments p
LEFT JOIN billing.refunds r ON r.payment_id = p.id
WHERE NOT p.is_deleted
GROUP BY p.method
ORDER BY paid DESC;

-- case: paid-and-refunded-per-method-refunds-pre-aggregated
SELECT p.method, sum(p.amount_cents) AS paid, sum(coalesce(r.refunds, 0)) AS refunds
FROM billing.payments p
LEFT JOIN (
    SELECT payment_id, count(*) AS refunds
    FROM billing.refunds
    GROUP BY payment_id
) r ON r.payment_id = p.id
WHERE NOT p.is_deleted
GROUP BY p.method
ORDER BY paid DESC;

-- case: big-orders-value-per-account-cte-mixed-case
-- expect: fanout-aggregate
-- why: the CTE passes orders through one for one; the join to its items repeats each order
WITH Big AS (
    SELECT Id, Account_Id, Total_Cents
    FROM Public.Orders
    WHERE Total_Cents > 500000 AND Total_Cents < 99999999
)
SELECT B.Account_Id, SUM(B.Total_Cents) AS Big_Order_Value
FROM Big B
JOIN Public.Order_Items OI ON OI.Order_Id = B.Id
GROUP BY B.Account_Id
ORDER BY Big_Order_Value DESC
LIMIT 10;

-- case: big-orders-value-per-account-cte-mixed-case-exists
WITH Big AS (
    SELECT Id, Account_Id, Total_Cents
    FROM Public.Orders
    WHERE Total_Cents > 500000 AND Total_Cents < 99999999
)
SELECT B.Account_Id, SUM(B.Total_Cents) AS Big_Order_Value
FROM Big B
WHERE EXISTS (SELECT 1 FROM Public.Order_Items OI WHERE OI.Order_Id = B.Id)
GROUP BY B.Account_Id
ORDER BY Big_Order_Value DESC
LIMIT 10;

-- case: average-list-price-per-category-sold
-- expect: fanout-aggregate
-- why: order_items.sku references products.sku (inferred): the average is weighted by how often each product sold
SELECT p.category, avg(p.price_cents) AS avg_price
FROM products p
JOIN order_items oi ON oi.sku = p.sku
WHERE NOT p.discontinued
GROUP BY p.category
ORDER BY avg_price DESC;

-- case: average-list-price-per-category-sold-exists
SELECT p.category, avg(p.price_cents) AS avg_price
FROM products p
WHERE NOT p.discontinued
  AND EXISTS (SELECT 1 FROM order_items oi WHERE oi.sku = p.sku)
GROUP BY p.category
ORDER BY avg_price DESC;

-- case: order-count-of-users-with-addresses
-- expect: fanout-aggregate
-- why: users with several addresses count each order several times
SELECT u.account_id, count(o.id) AS orders
FROM users u
JOIN orders o ON o.user_id = u.id
JOIN tmp_customer_addresses t ON t.user_id = u.id
WHERE u.deleted_at IS NULL
  AND t.country = 'DE'
GROUP BY u.account_id
ORDER BY orders DESC
LIMIT 20;

-- case: order-count-of-users-with-addresses-semi-join
SELECT u.account_id, count(o.id) AS orders
FROM users u
JOIN orders o ON o.user_id = u.id
WHERE u.deleted_at IS NULL
  AND u.id IN (SELECT t.user_id FROM tmp_customer_addresses t WHERE t.country = 'DE')
GROUP BY u.account_id
ORDER BY orders DESC
LIMIT 20;

-- case: order-total-beside-its-item-count
-- why: the order's own total is grouped, not aggregated; only the items are counted
SELECT o.id, o.total_cents, count(oi.id) AS items, sum(oi.quantity) AS units
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.id BETWEEN 1000 AND 1100
GROUP BY o.id, o.total_cents
ORDER BY o.id;

-- case: revenue-per-region-through-lookups
-- why: accounts and regions are lookups of orders (joined by their keys): no row repeats
SELECT r.name AS region, sum(o.total_cents) / 100.0 AS revenue
FROM orders o
JOIN accounts a ON a.id = o.account_id
JOIN regions r ON r.code = o.region_code
WHERE NOT a.is_test
  AND o.created_at >= timestamptz '2025-01-01 00:00:00+00'
GROUP BY r.name
ORDER BY revenue DESC;

-- case: line-value-grouped-by-item-key
-- why: GROUP BY holds the item's key, so each group sees one item and its one order
SELECT oi.id, oi.quantity * oi.unit_price_cents AS line_cents, sum(o.total_cents) AS order_total
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.id = 4242
GROUP BY oi.id, oi.quantity, oi.unit_price_cents;

-- case: list-value-of-items-sold-lookup-per-grain
-- why: the grain is order_items (first in FROM): each item's product price is meant once per item
SELECT p.category, sum(p.price_cents) AS list_value_sold
FROM order_items oi
JOIN products p ON p.sku = oi.sku
WHERE oi.order_id < 1000
GROUP BY p.category
ORDER BY list_value_sold DESC;

-- case: cancelled-lines-per-sku-conditional-count
-- why: the order's state only decides the CASE: the sum counts order lines, which is what it is named
SELECT oi.sku, sum(CASE WHEN o.state = 4 THEN 1 ELSE 0 END) AS cancelled_lines, count(*) AS lines
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
GROUP BY oi.sku
ORDER BY cancelled_lines DESC
LIMIT 20;

-- case: items-per-order-count-of-parent-key
-- why: count(o.id) straight over the order's items counts the items of each account, as count(*) would
SELECT o.account_id, count(o.id) AS order_lines
FROM orders o
JOIN order_items oi ON oi.order_id = o.id
WHERE o.id < 5000
GROUP BY o.account_id
ORDER BY order_lines DESC
LIMIT 20;

-- case: average-order-value-comma-join
-- expect: fanout-aggregate
-- why: comma joins with the conditions in WHERE fan out the same way
SELECT avg(o.total_cents) AS avg_cents
FROM orders o, order_items oi, accounts a
WHERE oi.order_id = o.id
  AND a.id = o.account_id
  AND NOT a.is_test
  AND o.id < 1000;

-- case: average-order-value-comma-join-exists
SELECT avg(o.total_cents) AS avg_cents
FROM orders o, accounts a
WHERE a.id = o.account_id
  AND NOT a.is_test
  AND o.id < 1000
  AND EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id);

-- case: spend-and-comments-per-user-polymorphic-child
-- expect: fanout-aggregate
-- why: comments attach to orders through commentable_type = 'order' (polymorphic): an order with 3 comments is summed 3 times
SELECT u.id, sum(o.total_cents) AS spent, count(c.id) AS comments
FROM users u
JOIN orders o ON o.user_id = u.id
LEFT JOIN comments c ON c.commentable_type = 'order' AND c.commentable_id = o.id
WHERE u.deleted_at IS NULL
  AND o.id < 5000
GROUP BY u.id;

-- case: spend-and-comments-per-user-polymorphic-child-pre-aggregated
SELECT u.id, sum(o.total_cents) AS spent, sum(coalesce(c.comments, 0)) AS comments
FROM users u
JOIN orders o ON o.user_id = u.id
LEFT JOIN (
    SELECT commentable_id, count(*) AS comments
    FROM comments
    WHERE commentable_type = 'order'
    GROUP BY commentable_id
) c ON c.commentable_id = o.id
WHERE u.deleted_at IS NULL
  AND o.id < 5000
GROUP BY u.id;

-- case: value-of-multi-unit-orders-filtered-child-subquery
-- expect: fanout-aggregate
-- why: the subquery filters order_items but keeps one row per item, so an order with two such items counts twice
SELECT sum(o.total_cents) AS value
FROM orders o
JOIN (SELECT order_id, sku FROM order_items WHERE quantity > 1) big ON big.order_id = o.id
WHERE o.id < 5000;

-- case: value-of-multi-unit-orders-semi-join
SELECT sum(o.total_cents) AS value
FROM orders o
WHERE o.id < 5000
  AND o.id IN (SELECT order_id FROM order_items WHERE quantity > 1);

-- Probe of 2026-12-01: queries written after the rule, in shapes its cases above do not use, each run once
-- before being added here (every wrong one caught, no correct twin flagged).

-- case: probe-1-wrong
-- expect: fanout-aggregate
-- why: written as an assistant would, after the rule existed
SELECT o.account_id, sum(o.total_cents) AS revenue FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.deleted_at IS NULL GROUP BY o.account_id;

-- case: probe-2-right
SELECT o.account_id, sum(o.total_cents) AS revenue FROM orders o WHERE o.deleted_at IS NULL AND EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id) GROUP BY o.account_id;

-- case: probe-3-wrong
-- expect: fanout-aggregate, sentinel-values
-- why: written as an assistant would, after the rule existed
SELECT i.account_id, sum(i.amount_cents) FROM billing.invoices i JOIN billing.payments p ON p.invoice_id = i.id WHERE NOT p.is_deleted GROUP BY i.account_id;

-- case: probe-4-right
SELECT i.account_id, sum(p.amount_cents) FROM billing.invoices i JOIN billing.payments p ON p.invoice_id = i.id WHERE NOT p.is_deleted GROUP BY i.account_id;

-- case: probe-5-right
SELECT o.id, sum(oi.quantity * oi.unit_price_cents) FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.deleted_at IS NULL GROUP BY o.id;
