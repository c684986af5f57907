-- Valid, read-only queries on precision/shop-schema.sql, of the kinds real code writes: each must get no error
-- and no warning (advice is allowed). Every construct here is one PostgreSQL accepts and resolves.
-- Format: "-- case:" and "-- why:" headers, the SQL runs up to the next "-- case:" line.

-- case: keyword-named-columns
-- why: output, errors, settings, member and number are names to PostgreSQL, keywords to some parsers
SELECT output, errors, settings, member, number FROM customers;

-- case: keyword-named-implicit-aliases
SELECT c.member member, c.output output, c.number number FROM customers c WHERE c.errors > 0;

-- case: key-value-columns
SELECT s.key, s.value FROM staff s WHERE s.key = 'x' ORDER BY key;

-- case: composite-fields
SELECT (p.size).width, (size).height FROM parcels p;

-- case: array-slices
SELECT tags[1:2], tags[2:], tags[:1] FROM products;

-- case: empty-select-list
SELECT count(*) FROM orders o WHERE EXISTS (SELECT FROM order_lines l WHERE l.order_id = o.id);

-- case: pg-catalog-through-the-search-path
SELECT relname, reltuples FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY relname;

-- case: pg-catalog-qualified-join
SELECT c.relname, n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public';

-- case: information-schema
SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'
ORDER BY table_name, ordinal_position;

-- case: sequence-as-relation
SELECT last_value, is_called FROM invoice_numbers;

-- case: whole-row-references
SELECT row_to_json(c), (SELECT json_agg(o) FROM orders o WHERE o.customer_id = c.id) FROM customers c;

-- case: count-of-a-row
SELECT count(o) FROM orders o;

-- case: implicit-output-names
SELECT country_code, count FROM (SELECT country_code, count(*) FROM customers GROUP BY country_code) t
ORDER BY count DESC;

-- case: implicit-max-name
SELECT max FROM (SELECT max(total) FROM orders) m;

-- case: alias-column-list-on-a-table
SELECT t.a, t.b FROM customers AS t(a, b);

-- case: alias-column-list-on-a-subquery
SELECT x.n FROM (SELECT count(*) FROM orders) AS x(n);

-- case: cte-column-list
WITH x(n) AS (SELECT count(*) FROM orders) SELECT n FROM x;

-- case: system-columns
SELECT ctid, xmin, tableoid::regclass FROM orders LIMIT 5;

-- case: group-and-order-by-output-names
SELECT first_name AS name, count(*) AS n FROM customers GROUP BY name ORDER BY n DESC;

-- case: group-and-order-by-positions
SELECT country_code, count(*) FROM customers GROUP BY 1 ORDER BY 2 DESC;

-- case: order-by-output-name-over-ambiguous-inputs
SELECT c.first_name AS first_name FROM customers c JOIN staff s ON s.first_name = c.first_name ORDER BY first_name;

-- case: group-by-input-before-output
SELECT upper(first_name) AS first_name FROM customers GROUP BY first_name;

-- case: using-merges-columns
SELECT order_id, line_no, qty, shipped_at FROM order_lines JOIN shipments USING (order_id, line_no);

-- case: natural-join-merges-columns
SELECT order_id, line_no, qty FROM order_lines NATURAL JOIN shipments;

-- case: series-with-alias-column
SELECT i FROM generate_series(1, 3) AS g(i);

-- case: series-named-after-its-alias
SELECT g FROM generate_series(1, 3) g;

-- case: series-named-after-the-function
SELECT generate_series FROM generate_series(1, 3);

-- case: column-definition-list
SELECT x.a, x.b FROM json_to_recordset('[{"a": 1, "b": "x"}]') AS x(a int, b text);

-- case: returns-table-function
SELECT line_no, qty FROM lines_of(1);

-- case: setof-table-function
SELECT b.total, b.placed_at FROM big_orders() b;

-- case: out-parameters-function
SELECT n, total FROM order_stats();

-- case: jsonb-each-columns
SELECT key, value FROM jsonb_each('{"a": 1}');

-- case: unnest-with-ordinality
SELECT u.elem, u.n FROM unnest(ARRAY['a', 'b']) WITH ORDINALITY AS u(elem, n);

-- case: composite-key-join
SELECT s.shipped_at, l.qty FROM shipments s JOIN order_lines l ON l.order_id = s.order_id AND l.line_no = s.line_no;

-- case: siblings-through-a-shared-parent
SELECT r.reason, l.qty FROM returns r JOIN order_lines l ON l.order_id = r.order_id;

-- case: reference-through-a-composite-key
SELECT s.shipped_at, o.placed_at FROM shipments s JOIN orders o ON o.id = s.order_id;

-- case: join-through-casts
SELECT p.name, l.qty FROM products p JOIN order_lines l ON l.product_id::text = p.id::text;

-- case: join-through-functions-on-a-shared-attribute
SELECT c.id, s.id FROM customers c JOIN staff s ON lower(s.first_name) = lower(c.first_name);

-- case: aggregate-subquery-is-one-row
SELECT o.id, t.avg FROM orders o, (SELECT avg(total) FROM orders) t WHERE o.total > t.avg;

-- case: limit-one-cte-is-one-row
WITH latest AS (SELECT id FROM orders ORDER BY placed_at DESC LIMIT 1)
SELECT c.email FROM customers c, latest WHERE c.id > 0;

-- case: one-row-values
SELECT c.email, v.x FROM customers c, (VALUES (1)) v(x);

-- case: filtered-on-its-key-is-one-row
SELECT c.email, s.first_name FROM customers c, staff s WHERE s.id = 1;

-- case: self-reference
SELECT s.first_name, m.first_name AS manager FROM staff s LEFT JOIN staff m ON m.id = s.manager_id;

-- case: view-traced
SELECT co.email, sum(co.total) FROM customer_orders co GROUP BY co.email;

-- case: stable-function-call
SELECT id, order_total(id) FROM orders;

-- case: parameters
SELECT email FROM customers WHERE id = $1 AND country_code = $2;

-- case: jsonb-question-mark-operator
SELECT id FROM customers WHERE settings ? 'theme' AND settings ?| array['x', 'theme'];

-- case: any-of-an-array-parameter
SELECT id FROM orders WHERE customer_id = ANY($1::bigint[]) ORDER BY placed_at DESC LIMIT $2;

-- case: dollar-quoted-with-a-tag
SELECT $tag$it's$tag$ AS s;

-- case: lateral-latest
SELECT c.email, l.placed_at FROM customers c
CROSS JOIN LATERAL (SELECT placed_at FROM orders o WHERE o.customer_id = c.id ORDER BY placed_at DESC LIMIT 1) l;

-- case: recursive-chain
WITH RECURSIVE chain AS (
    SELECT id, manager_id FROM staff WHERE id = 1
    UNION ALL
    SELECT s.id, s.manager_id FROM staff s JOIN chain ON s.manager_id = chain.id)
SELECT count(*) FROM chain;

-- case: union-ordered-by-output
SELECT first_name FROM customers UNION SELECT first_name FROM staff ORDER BY first_name;

-- case: distinct-on
SELECT DISTINCT ON (customer_id) customer_id, id FROM orders ORDER BY customer_id, placed_at DESC;

-- case: named-window
SELECT id, rank() OVER w FROM orders WINDOW w AS (PARTITION BY customer_id ORDER BY total DESC);

-- case: aggregate-filter
SELECT count(*) FILTER (WHERE total > 100) AS big FROM orders;

-- case: schema-qualified-column
SELECT public.orders.id FROM public.orders;

-- case: exists-correlated-connects-two-items
SELECT c.email, s.first_name FROM customers c, staff s
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.staff_id = s.id);

-- case: whole-row-of-a-subquery-that-reads-the-outer-query
SELECT c.id, (SELECT json_agg(x) FROM (SELECT o.id, o.total) x) AS last FROM customers c
JOIN orders o ON o.customer_id = c.id;

-- case: function-alias-names-its-column
SELECT x.id, o.total FROM (SELECT id FROM unnest($1::bigint[]) AS id) x LEFT JOIN orders o ON o.id = x.id;

-- case: row-as-an-alias
SELECT customer_id, json_object_agg(staff_id, n)
FROM (SELECT customer_id, staff_id, count(*) AS n FROM orders GROUP BY 1, 2) row GROUP BY customer_id;

-- case: cte-of-an-unnamed-case
WITH intval AS (SELECT CASE WHEN $1::int > 7 THEN 'day' ELSE 'hour' END)
SELECT date_trunc((SELECT * FROM intval), placed_at) AS "timestamp", count(*) FROM orders GROUP BY "timestamp";

-- case: extract-epoch
SELECT EXTRACT (EPOCH FROM (max(placed_at) - min(placed_at))) / 86400 AS days FROM orders;

-- case: parameters-in-conditions
SELECT id FROM orders WHERE ($1::bigint = 0 OR id = $1) AND NOT (customer_id = ANY($2::bigint[]));

-- case: window-count-beside-a-star
SELECT count(*) OVER () AS total, orders.* FROM orders ORDER BY placed_at DESC LIMIT 10;
