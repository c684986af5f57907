-- Fixture for the guardrail's precision cases: a small shop with declared keys (composite ones too), keyword-named
-- columns, a composite type, arrays, a sequence, a view and functions of every kind a query can call.
CREATE TABLE countries (code text PRIMARY KEY, name text NOT NULL);
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_name text, last_name text, email text,
    country_code text REFERENCES countries (code),
    settings jsonb, "output" text, errors integer, member boolean, number integer,
    created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE staff (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    first_name text, last_name text, manager_id bigint REFERENCES staff (id), key text, value text);
CREATE TABLE products (id serial PRIMARY KEY, sku text UNIQUE NOT NULL, name text, tags text[]);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    staff_id bigint REFERENCES staff (id),
    placed_at timestamptz NOT NULL, total numeric(12, 2));
CREATE TABLE order_lines (
    order_id bigint REFERENCES orders (id), line_no integer,
    product_id integer REFERENCES products (id), qty integer,
    PRIMARY KEY (order_id, line_no));
CREATE TABLE shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint, line_no integer, shipped_at timestamptz,
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no));
CREATE TABLE returns (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint REFERENCES orders (id),
    reason text);
CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer_id bigint REFERENCES customers (id));
CREATE TYPE dimensions AS (width numeric, height numeric);
CREATE TABLE parcels (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, shipment_id bigint REFERENCES shipments (id),
    size dimensions, weights numeric[]);
CREATE SEQUENCE invoice_numbers;
CREATE VIEW customer_orders AS
    SELECT c.id AS customer_id, c.email, o.id AS order_id, o.total
    FROM customers c JOIN orders o ON o.customer_id = c.id;
CREATE FUNCTION order_total(bigint) RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT total FROM orders WHERE id = $1 $$;
CREATE FUNCTION touch_order(bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT $1 $$;
CREATE FUNCTION lines_of(p_order bigint) RETURNS TABLE (line_no integer, qty integer) LANGUAGE sql STABLE
    AS $$ SELECT line_no, qty FROM order_lines WHERE order_id = p_order $$;
CREATE FUNCTION big_orders() RETURNS SETOF orders LANGUAGE sql STABLE AS $$ SELECT * FROM orders WHERE total > 100 $$;
CREATE FUNCTION order_stats(OUT n bigint, OUT total numeric) LANGUAGE sql STABLE
    AS $$ SELECT count(*), sum(total) FROM orders $$;

INSERT INTO countries VALUES ('FR', 'France'), ('NZ', 'New Zealand');
INSERT INTO customers (first_name, last_name, email, country_code, settings)
    SELECT 'c' || i, 'l' || i, 'c' || i || '@example.com', CASE WHEN i % 2 = 0 THEN 'FR' ELSE 'NZ' END,
           '{"theme": "dark"}' FROM generate_series(1, 20) i;
INSERT INTO staff (first_name, last_name) VALUES ('Ana', 'Silva'), ('Bo', 'Lee');
INSERT INTO products (sku, name, tags) VALUES ('A-1', 'Anvil', '{tools,heavy}'), ('B-2', 'Bell', '{music}');
INSERT INTO orders (customer_id, staff_id, placed_at, total)
    SELECT 1 + i % 20, 1 + i % 2, now() - i * interval '1 day', i * 10 FROM generate_series(1, 50) i;
INSERT INTO order_lines SELECT o.id, l, 1 + l % 2, l FROM orders o, generate_series(1, 2) l;
INSERT INTO shipments (order_id, line_no, shipped_at) SELECT order_id, line_no, now() FROM order_lines WHERE line_no = 1;
ANALYZE;
