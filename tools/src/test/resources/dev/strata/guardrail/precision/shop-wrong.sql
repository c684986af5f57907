-- Wrong queries on precision/shop-schema.sql: "-- expect:" lists rule:severity pairs each case must get.

-- case: typo-in-the-command
-- expect: syntax-error:error
SELEC id FROM orders;

-- case: independent-ids
-- expect: bare-id-join:error
SELECT o.total, c.email FROM orders o JOIN customers c ON c.id = o.id;

-- case: declared-key-to-the-wrong-table
-- expect: fk-target-mismatch:error
SELECT o.total, s.first_name FROM orders o JOIN staff s ON s.id = o.customer_id;

-- case: wrong-table-through-casts
-- expect: fk-target-mismatch:error
SELECT o.total, s.first_name FROM orders o JOIN staff s ON s.id::text = o.customer_id::text;

-- case: uuid-against-a-number-through-text
-- expect: join-type-mismatch:error
SELECT t.id, o.total FROM tokens t JOIN orders o ON t.id::text = o.id::text;

-- case: declared-key-against-a-natural-key
-- expect: fk-target-mismatch:warning
-- why: country_code references countries.code; a sku is not a generated key, so the values may coincide by design
SELECT c.email, p.name FROM customers c JOIN products p ON p.sku = c.country_code;

-- case: name-against-a-sku
-- expect: unrelated-join:warning
SELECT c.email, p.name FROM customers c JOIN products p ON p.sku = c.last_name;

-- case: comma-join-without-condition
-- expect: cartesian-join:warning
SELECT o.id, s.first_name FROM orders o, staff s WHERE o.total > 10;

-- case: aggregate-without-group-by
-- expect: invalid-statement:error
SELECT customer_id, sum(total) FROM orders;

-- case: unknown-column
-- expect: unknown-column:error
SELECT o.totl FROM orders o;

-- case: unknown-column-in-a-statement-strata-cannot-parse
-- expect: unknown-column:error
SELECT (p.size).* , p.nosuch FROM parcels p;

-- case: volatile-function
-- expect: volatile-function:info
SELECT touch_order(id) FROM orders;
