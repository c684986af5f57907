-- Strata demo database: "Acme Commerce"
-- A ten-year-old commerce database with planted pathologies (see README.md next to this file).
-- Deterministic: all data derives from generate_series indexes, integer arithmetic and md5 of the index.
-- Timestamps are built from explicit UTC literals, so the data does not depend on the session TimeZone.
-- Rules for this file: every statement ends with a semicolon at the end of a line, and no other line does.

SET client_min_messages = warning;
-- The planner has no statistics while loading, so it would JIT-compile the big INSERTs (about 1 s each): turn JIT off.
SET jit = off;
SET work_mem = '64MB';
-- Each statement (and ANALYZE, once per table) commits on its own: do not wait for a WAL flush at every commit.
SET synchronous_commit = off;

CREATE SCHEMA billing;
CREATE SCHEMA legacy;

-- ---------------------------------------------------------------------------------------------
-- Tables. Primary keys, unique constraints, foreign keys and indexes are added after the data load (much faster):
-- the resulting catalog is the same as with inline declarations (default constraint names such as orders_pkey).
-- ---------------------------------------------------------------------------------------------

CREATE TABLE public.regions (
    code text,
    name text NOT NULL
);

CREATE TABLE public.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL,
    plan text NOT NULL,
    region_code text,
    is_test boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);

CREATE TABLE public.users (
    id bigint GENERATED ALWAYS AS IDENTITY,
    account_id bigint NOT NULL,
    email text NOT NULL,
    full_name text,
    phone text,
    "lastLoginAt" timestamptz,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz
);

CREATE TABLE public.orders (
    id bigint GENERATED ALWAYS AS IDENTITY,
    user_id bigint NOT NULL,
    account_id bigint NOT NULL,
    status smallint NOT NULL DEFAULT 0,
    state smallint NOT NULL DEFAULT 0,
    total_cents bigint NOT NULL,
    currency char(3) NOT NULL DEFAULT 'EUR',
    region_code text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz,
    deleted_at timestamptz
);

CREATE TABLE public.products (
    sku text,
    name text NOT NULL,
    category text,
    price_cents integer NOT NULL,
    discontinued boolean NOT NULL DEFAULT false
);

CREATE TABLE public.order_items (
    id bigint GENERATED ALWAYS AS IDENTITY,
    order_id bigint NOT NULL,
    sku text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_cents integer NOT NULL
);

CREATE TABLE public.comments (
    id bigint GENERATED ALWAYS AS IDENTITY,
    commentable_type text NOT NULL,
    commentable_id bigint NOT NULL,
    author_id bigint,
    body text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE public.attachments (
    id uuid,
    owner_type text NOT NULL,
    owner_id bigint NOT NULL,
    filename text NOT NULL,
    content_type text,
    uploaded_at text
);

CREATE TABLE public.events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    account_id bigint,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE public.webhook_deliveries (
    id uuid,
    endpoint text NOT NULL,
    response_body text,
    http_status integer,
    delivered_at timestamptz
);

CREATE TABLE public.addresses (
    id bigint GENERATED ALWAYS AS IDENTITY,
    user_id bigint,
    line1 text,
    city text,
    country text,
    created_at timestamptz
);

CREATE TABLE public.tmp_customer_addresses (
    id bigint GENERATED ALWAYS AS IDENTITY,
    user_id bigint NOT NULL,
    line1 text NOT NULL,
    city text NOT NULL,
    postcode text,
    country char(2) NOT NULL,
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);

CREATE TABLE billing.invoices (
    id uuid,
    number bigint NOT NULL,
    order_id bigint,
    account_id bigint NOT NULL,
    amount_cents bigint NOT NULL,
    status text NOT NULL,
    issued_on text,
    due_date date
);

CREATE TABLE billing.payments (
    id uuid,
    invoice_id uuid NOT NULL,
    amount_cents bigint NOT NULL,
    method text NOT NULL,
    paid_at timestamptz NOT NULL,
    is_deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE billing.refunds (
    id bigint GENERATED ALWAYS AS IDENTITY,
    payment_id uuid NOT NULL,
    amount_cents bigint NOT NULL,
    reason text,
    created_at timestamptz NOT NULL
);

CREATE TABLE legacy.customer_master (
    cust_id bigint,
    cust_nm varchar(80),
    cust_typ char(1),
    cust_sts char(1),
    created timestamp,
    addr_line1 varchar(60),
    addr_line2 varchar(60),
    addr_line3 varchar(60),
    city_nm varchar(40),
    st_cd char(2),
    zip_cd varchar(10),
    cntry_cd char(3),
    phone1 varchar(20),
    phone2 varchar(20),
    fax_no varchar(20),
    email_addr varchar(120),
    contact_nm varchar(80),
    sales_rep_id integer,
    terr_cd varchar(4),
    cr_limit numeric(12,2),
    bal_amt numeric(12,2),
    last_ord_dt char(8),
    flag1 smallint,
    flag2 smallint,
    flag3 smallint,
    flag4 smallint,
    flag5 smallint,
    flag6 smallint,
    flag7 smallint,
    flag8 smallint,
    flag9 smallint,
    flag10 smallint,
    flag11 smallint,
    flag12 smallint,
    misc1 varchar(255),
    misc2 varchar(255),
    misc3 varchar(255),
    misc4 varchar(255),
    misc5 varchar(255),
    misc6 varchar(255),
    misc7 varchar(255),
    misc8 varchar(255),
    misc9 varchar(255),
    misc10 varchar(255),
    ext_ref1 varchar(40),
    ext_ref2 varchar(40),
    ext_ref3 varchar(40),
    ext_ref4 varchar(40),
    ext_ref5 varchar(40),
    udf_num1 numeric,
    udf_num2 numeric,
    udf_num3 numeric,
    udf_num4 numeric,
    udf_num5 numeric,
    udf_num6 numeric,
    udf_num7 numeric,
    udf_num8 numeric,
    udf_dt1 varchar(10),
    udf_dt2 varchar(10),
    udf_dt3 varchar(10),
    udf_dt4 varchar(10),
    tax_id varchar(20),
    duns_no varchar(11),
    pay_terms varchar(10),
    curr_cd char(3),
    src_sys varchar(10),
    upd_usr varchar(30),
    upd_ts timestamp
);

CREATE TABLE legacy.order_archive (
    order_id bigint,
    cust_id bigint,
    amount numeric(12,2),
    order_date text,
    status char(1)
);

-- ---------------------------------------------------------------------------------------------
-- Data
-- ---------------------------------------------------------------------------------------------

INSERT INTO public.regions (code, name) VALUES
    ('EU-W', 'Western Europe'),
    ('EU-C', 'Central Europe'),
    ('EU-N', 'Nordics'),
    ('EU-S', 'Southern Europe'),
    ('UK', 'United Kingdom'),
    ('US-E', 'US East'),
    ('US-W', 'US West'),
    ('US-C', 'US Central'),
    ('CA', 'Canada'),
    ('LATAM', 'Latin America'),
    ('APAC', 'Asia Pacific'),
    ('MEA', 'Middle East and Africa');

-- accounts: 2,000 rows. Test accounts are the ids with id % 100 = 1 (1, 101, ..., 1901). Ids = 40k+7 are 'Acme Corp' spellings, 40k+13 'Globex GmbH' spellings.
INSERT INTO public.accounts (id, name, plan, region_code, is_test, created_at) OVERRIDING SYSTEM VALUE
SELECT i,
       CASE
           WHEN i % 200 = 1 THEN 'TEST - do not use'
           WHEN i % 200 = 101 THEN 'DO_NOT_USE'
           WHEN i % 40 = 7 THEN (ARRAY['Acme Corp', 'acme corp', 'ACME Corp', 'Acme Corp ', ' Acme  Corp'])[(i / 40) % 5 + 1]
           WHEN i % 40 = 13 THEN (ARRAY['Globex GmbH', 'GLOBEX GMBH', 'globex gmbh', 'Globex GmbH ', 'Globex  GmbH'])[(i / 40) % 5 + 1]
           ELSE c.adj[(i - 1) % 20 + 1] || ' ' || c.noun[((i - 1) / 20) % 25 + 1] || ' ' || c.suffix[((i - 1) / 500) % 4 + 1]
       END,
       CASE
           WHEN (i * 37 + 48) % 100 < 50 THEN 'free'
           WHEN (i * 37 + 48) % 100 < 78 THEN 'pro'
           WHEN (i * 37 + 48) % 100 < 80 THEN 'PRO'
           WHEN (i * 37 + 48) % 100 < 95 THEN 'enterprise'
           ELSE 'Enterprise'
       END,
       CASE
           WHEN i % 50 = 25 THEN NULL
           WHEN i % 50 = 11 THEN 'EU'
           ELSE (ARRAY['EU-W', 'EU-C', 'EU-N', 'EU-S', 'UK', 'US-E', 'US-W', 'US-C', 'CA', 'LATAM', 'APAC', 'MEA'])[(i * 7) % 12 + 1]
       END,
       i % 100 = 1,
       timestamptz '2015-01-01 00:00:00+00' + (i - 1) * interval '43 hours' + (i % 37) * interval '1 minute'
FROM generate_series(1, 2000) AS g(i)
CROSS JOIN (SELECT
    ARRAY['Blue', 'Northern', 'Silver', 'Rapid', 'Bright', 'Global', 'Prime', 'Urban', 'Green', 'Quantum',
          'Alpine', 'Coastal', 'Summit', 'Pioneer', 'Vertex', 'Crimson', 'Golden', 'Iron', 'Lunar', 'Atlas'] AS adj,
    ARRAY['Logistics', 'Systems', 'Foods', 'Analytics', 'Retail', 'Labs', 'Dynamics', 'Supply', 'Media', 'Networks',
          'Health', 'Energy', 'Textiles', 'Robotics', 'Ventures', 'Partners', 'Digital', 'Motors', 'Pharma', 'Studios',
          'Trading', 'Works', 'Outfitters', 'Solutions', 'Brewing'] AS noun,
    ARRAY['Ltd', 'GmbH', 'Inc', 'LLC'] AS suffix) AS c;

-- users: 20,000 rows, 10 per account (user i belongs to account ((i-1) % 2000) + 1).
INSERT INTO public.users (id, account_id, email, full_name, phone, "lastLoginAt", created_at, deleted_at) OVERRIDING SYSTEM VALUE
SELECT s.i,
       s.a,
       CASE
           WHEN s.i = 1 THEN 'DO_NOT_USE@test.com'
           WHEN s.a % 100 = 1 THEN 'test+' || s.i || '@example.com'
           WHEN s.i % 20 = 1 THEN s.fn || '.' || s.ln || s.i || '@' || s.dom
           WHEN s.i % 4 IN (0, 1) THEN lower(s.fn || '.' || s.ln) || s.i || '@' || s.dom
           WHEN s.i % 4 = 2 THEN lower(left(s.fn, 1) || s.ln) || s.i || '@' || s.dom
           ELSE lower(s.fn) || '_' || s.i || '@' || s.dom
       END,
       CASE
           WHEN s.p BETWEEN 40 AND 42 THEN NULL
           WHEN s.a % 100 = 1 THEN 'Test User ' || s.i
           ELSE s.fn || ' ' || s.ln
       END,
       CASE
           WHEN s.p BETWEEN 50 AND 64 THEN NULL
           WHEN s.i % 4 = 0 THEN '+49 30 ' || lpad(((s.i * 7919) % 10000000)::text, 7, '0')
           WHEN s.i % 4 = 1 THEN '+1 (415) 555-' || lpad(((s.i * 37) % 10000)::text, 4, '0')
           WHEN s.i % 4 = 2 THEN '+44 20 7946 ' || lpad((s.i % 10000)::text, 4, '0')
           ELSE '06 ' || lpad(((s.i * 13) % 100)::text, 2, '0') || ' ' || lpad(((s.i * 17) % 100)::text, 2, '0') || ' ' || lpad((s.i % 100)::text, 2, '0') || ' ' || lpad(((s.i * 7) % 100)::text, 2, '0')
       END,
       CASE
           WHEN s.p BETWEEN 30 AND 39 THEN NULL
           WHEN s.p BETWEEN 10 AND 17 THEN least(s.created + ((s.i * 7919) % 1500) * interval '24 hours' + (s.i % 1440) * interval '1 minute', s.del)
           ELSE least(s.created + ((s.i * 7919) % 1500) * interval '24 hours' + (s.i % 1440) * interval '1 minute', timestamptz '2025-06-30 00:00:00+00')
       END,
       CASE WHEN s.p IN (20, 21) THEN timestamptz '1970-01-01 00:00:00+00' ELSE s.created END,
       CASE WHEN s.p BETWEEN 10 AND 17 THEN s.del END
FROM (
    SELECT i, a, p, fn, ln, dom, created,
           least(created + (30 + (i * 31) % 700) * interval '24 hours', timestamptz '2025-06-30 00:00:00+00') AS del
    FROM (
        SELECT g.i,
               ((g.i - 1) % 2000) + 1 AS a,
               (g.i * 37) % 100 AS p,
               n.first[(g.i * 7) % 40 + 1] AS fn,
               n.last[(g.i * 11 + g.i / 40) % 40 + 1] AS ln,
               n.dom[(g.i * 3) % 8 + 1] AS dom,
               timestamptz '2015-01-01 00:00:00+00' + ((g.i - 1) % 2000) * interval '43 hours'
                   + ((g.i - 1) / 2000) * interval '221 hours' + (g.i % 60) * interval '1 minute' AS created
        FROM generate_series(1, 20000) AS g(i)
        CROSS JOIN (SELECT
            ARRAY['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas',
                  'Kara', 'Liam', 'Maria', 'Noah', 'Olga', 'Paul', 'Quinn', 'Rosa', 'Sven', 'Tara',
                  'Umar', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe', 'Lukas', 'Emma', 'Mateo', 'Sofia',
                  'Oliver', 'Mia', 'Lars', 'Chloe', 'Marco', 'Priya', 'Kenji', 'Aisha', 'Pierre', 'Hannah'] AS first,
            ARRAY['Schmidt', 'Smith', 'Garcia', 'Rossi', 'Dubois', 'Novak', 'Kowalski', 'Jensen', 'Murphy', 'Silva',
                  'Nguyen', 'Tanaka', 'Patel', 'Cohen', 'Meyer', 'Weber', 'Fischer', 'Johnson', 'Brown', 'Martin',
                  'Bernard', 'Lopez', 'Hansen', 'Berg', 'Kim', 'Chen', 'Singh', 'Ali', 'Moreau', 'Costa',
                  'Romano', 'Becker', 'Wagner', 'Taylor', 'Clark', 'Lewis', 'Walker', 'Young', 'King', 'Wright'] AS last,
            ARRAY['gmail.com', 'outlook.com', 'yahoo.com', 'gmx.de', 'web.de', 'icloud.com', 'hotmail.fr', 'proton.me'] AS dom) AS n
    ) AS b
) AS s;

-- products: 500 rows, SKU-00001 .. SKU-00500.
INSERT INTO public.products (sku, name, category, price_cents, discontinued)
SELECT 'SKU-' || lpad(j::text, 5, '0'),
       c.adj[(j * 7) % 15 + 1] || ' ' || c.noun[(j * 11 + j / 15) % 20 + 1] || ' ' || c.size[j % 8 + 1],
       CASE
           WHEN j % 50 = 17 THEN NULL
           WHEN j % 25 = 4 THEN lower(c.cat[(j * 3) % 10 + 1])
           ELSE c.cat[(j * 3) % 10 + 1]
       END,
       199 + ((j * 7919) % 250) * 200,
       j % 10 = 0
FROM generate_series(1, 500) AS g(j)
CROSS JOIN (SELECT
    ARRAY['Ergo', 'Smart', 'Heavy-Duty', 'Compact', 'Wireless', 'Premium', 'Eco', 'Classic', 'Modular', 'Rugged',
          'Slim', 'Turbo', 'Silent', 'Portable', 'Industrial'] AS adj,
    ARRAY['Desk', 'Chair', 'Monitor', 'Keyboard', 'Router', 'Switch', 'Printer', 'Scanner', 'Headset', 'Webcam',
          'Dock', 'Cable', 'Shelf', 'Locker', 'Drive', 'Server', 'Label Maker', 'Projector', 'Lamp', 'Backpack'] AS noun,
    ARRAY['S', 'M', 'L', 'XL', 'Pro', 'Mini', 'Max', 'Lite'] AS size,
    ARRAY['Hardware', 'Software', 'Services', 'Accessories', 'Office', 'Networking', 'Storage', 'Licenses', 'Training', 'Support'] AS cat) AS c;

-- order_items: 1 to 3 items for each of orders 1..100,000 (200,000 rows). Some skus (SKU-00501..SKU-00540) no longer exist in products.
INSERT INTO public.order_items (id, order_id, sku, quantity, unit_price_cents) OVERRIDING SYSTEM VALUE
SELECT 6 * ((x.i - 1) / 3) + (ARRAY[0, 2, 5])[(x.i - 1) % 3 + 1] + x.k,
       x.i,
       x.sku,
       x.q,
       CASE WHEN (x.i * x.k) % 10 = 3 THEN coalesce(p.price_cents, 1999) * 9 / 10 ELSE coalesce(p.price_cents, 1999) END
FROM (
    SELECT o.i, k.k,
           CASE
               WHEN o.i % 500 = 0 AND k.k = 1 THEN 'SKU-' || lpad((501 + (o.i / 500) % 40)::text, 5, '0')
               ELSE 'SKU-' || lpad((((o.i * 31 + k.k * 97) % 500) + 1)::text, 5, '0')
           END AS sku,
           CASE WHEN (o.i + k.k) % 10 < 6 THEN 1 WHEN (o.i + k.k) % 10 < 9 THEN 2 ELSE 5 + o.i % 20 END AS q
    FROM generate_series(1, 100000) AS o(i)
    CROSS JOIN LATERAL generate_series(1, 1 + o.i % 3) AS k(k)
) AS x
LEFT JOIN public.products p ON p.sku = x.sku;

-- orders: 250,000 rows, created 2015-06-01 .. 2025-06-28 in id order, only by accounts created at least 90 days earlier.
-- Every 200th order belongs to a test account (total_cents 99999999). Orders 1..100,000 total their order_items.
INSERT INTO public.orders (id, user_id, account_id, status, state, total_cents, currency, region_code, created_at, updated_at, deleted_at) OVERRIDING SYSTEM VALUE
SELECT y.i,
       y.a + 2000 * y.m,
       y.a,
       CASE WHEN y.st IN (2, 3) THEN 1 WHEN y.st = 4 AND y.i % 4 = 0 THEN 1 ELSE 0 END,
       y.st,
       CASE
           WHEN y.i % 200 = 0 THEN 99999999
           WHEN y.i <= 100000 THEN s.total
           ELSE (1 + y.i % 3) * (199 + ((y.i * 7919) % 250) * 200)
       END,
       CASE
           WHEN a.region_code IN ('US-E', 'US-W', 'US-C', 'CA') THEN 'USD'
           WHEN a.region_code = 'UK' THEN 'GBP'
           ELSE 'EUR'
       END,
       a.region_code,
       y.t,
       CASE WHEN y.st = 0 THEN NULL ELSE least(y.t + (1 + y.i % 10) * interval '24 hours' + (y.i % 300) * interval '1 minute', timestamptz '2025-06-30 00:00:00+00') END,
       NULL
FROM (
    SELECT x.i, x.st, x.t, x.m,
           CASE
               WHEN x.i % 200 = 0 THEN 1 + 100 * ((x.i / 200) % (1 + (x.amax - 1) / 100))
               WHEN x.an % 100 = 1 THEN x.an + 1
               ELSE x.an
           END AS a
    FROM (
        SELECT w.i, w.amax,
               timestamptz '2015-06-01 00:00:00+00' + (w.i - 1) * interval '1272 seconds' AS t,
               (w.i * 13 + w.i / 200) % 10 AS m,
               (w.i * 7919) % w.amax + 1 AS an,
               CASE
                   WHEN w.i <= 240000 THEN CASE WHEN w.p < 86 THEN 3 WHEN w.p < 88 THEN 2 ELSE 4 END
                   ELSE CASE WHEN w.p < 20 THEN 0 WHEN w.p < 45 THEN 1 WHEN w.p < 75 THEN 2 WHEN w.p < 90 THEN 3 ELSE 4 END
               END AS st
        FROM (
            SELECT g.i,
                   (g.i * 37) % 100 AS p,
                   least(2000, greatest(1, (3624 + ((g.i - 1) * 1272) / 3600 - 2160) / 43)) AS amax
            FROM generate_series(1::bigint, 250000::bigint) AS g(i)
        ) AS w
    ) AS x
) AS y
JOIN public.accounts a ON a.id = y.a
LEFT JOIN (SELECT order_id, sum(quantity::bigint * unit_price_cents) AS total FROM public.order_items GROUP BY order_id) AS s ON s.order_id = y.i;

-- A soft-deleted user places no order after deleted_at: move deleted_at to 6 hours after the user's last order where needed.
UPDATE public.users u
SET deleted_at = o.last_order + interval '6 hours'
FROM (SELECT user_id, max(created_at) AS last_order FROM public.orders GROUP BY user_id) AS o
WHERE o.user_id = u.id AND u.deleted_at < o.last_order;

-- comments: 30,000 rows, polymorphic (order 60%, invoice 25%, user 15%).
INSERT INTO public.comments (id, commentable_type, commentable_id, author_id, body, created_at) OVERRIDING SYSTEM VALUE
SELECT x.i,
       x.ct,
       CASE x.ct
           WHEN 'order' THEN (x.i * 7919) % 250000 + 1
           WHEN 'invoice' THEN 100001 + (x.i * 13) % 59999
           ELSE (x.i * 31) % 20000 + 1
       END,
       CASE WHEN x.i % 10 = 0 THEN NULL ELSE (x.i * 17) % 20000 + 1 END,
       (ARRAY['Customer asked about the delivery date.',
              'Called the customer, no answer. Will retry tomorrow.',
              'Address corrected after courier feedback.',
              'Please check the VAT id before the next invoice.',
              'Partial shipment approved by the account manager.',
              'Duplicate of an earlier ticket, closing.',
              'Customer disputes the amount, escalated to billing.',
              'Reminder sent.',
              'Wants the invoice re-issued to a different legal entity.',
              'Fraud check passed.'])[(x.i * 7) % 10 + 1] || ' [ref ' || left(md5(x.i::text), 8) || ']',
       timestamptz '2015-09-01 00:00:00+00' + (x.i - 1) * interval '170 minutes'
FROM (
    SELECT g.i,
           CASE WHEN (g.i * 37) % 100 < 60 THEN 'order' WHEN (g.i * 37) % 100 < 85 THEN 'invoice' ELSE 'user' END AS ct
    FROM generate_series(1, 30000) AS g(i)
) AS x;

-- attachments: 5,000 rows; id 5000 is the all-zero uuid sentinel. uploaded_at is text in four formats chosen by i % 20.
INSERT INTO public.attachments (id, owner_type, owner_id, filename, content_type, uploaded_at)
SELECT CASE WHEN x.i = 5000 THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE md5(x.i::text)::uuid END,
       x.ot,
       CASE
           WHEN x.i = 5000 THEN 0
           WHEN x.ot = 'Order' THEN (x.i * 7919) % 250000 + 1
           WHEN x.ot = 'User' THEN (x.i * 31) % 20000 + 1
           ELSE (x.i * 7) % 2000 + 1
       END,
       CASE
           WHEN x.i = 5000 THEN 'placeholder.bin'
           WHEN x.ot = 'Order' AND x.i % 3 = 0 THEN 'invoice_' || ((x.i * 7919) % 250000 + 1) || '.pdf'
           WHEN x.ot = 'Order' AND x.i % 3 = 1 THEN 'packing-slip-' || ((x.i * 7919) % 250000 + 1) || '.pdf'
           WHEN x.ot = 'Order' THEN 'IMG_' || lpad(((x.i * 37) % 10000)::text, 4, '0') || '.JPG'
           WHEN x.ot = 'User' AND x.i % 2 = 0 THEN 'avatar_' || ((x.i * 31) % 20000 + 1) || '.png'
           WHEN x.ot = 'User' THEN 'passport_scan_' || ((x.i * 31) % 20000 + 1) || '.jpg'
           ELSE 'contract_' || ((x.i * 7) % 2000 + 1) || '_signed.pdf'
       END,
       CASE
           WHEN x.i = 5000 THEN 'application/octet-stream'
           WHEN x.i % 20 = 13 THEN NULL
           WHEN x.ot = 'Order' AND x.i % 3 = 2 THEN 'image/jpeg'
           WHEN x.ot = 'User' AND x.i % 2 = 0 THEN 'image/png'
           WHEN x.ot = 'User' THEN 'image/jpeg'
           ELSE 'application/pdf'
       END,
       CASE
           WHEN x.i = 5000 THEN '1970-01-01'
           WHEN x.i % 20 < 10 THEN to_char(x.d, 'YYYY-MM-DD')
           WHEN x.i % 20 < 15 THEN to_char(x.d, 'MM/DD/YYYY')
           WHEN x.i % 20 < 18 THEN to_char(x.d, 'DD/MM/YYYY')
           ELSE to_char(x.d, 'DD-Mon-YYYY')
       END
FROM (
    SELECT g.i,
           CASE WHEN g.i % 10 < 6 THEN 'Order' WHEN g.i % 10 < 9 THEN 'User' ELSE 'Account' END AS ot,
           date '2016-01-01' + (g.i * 2671) % 3450 AS d
    FROM generate_series(1, 5000) AS g(i)
) AS x;

-- events: 40,000 rows, four payload generations by id range (1-12000, 12001-20000, 20001-32000, 32001-40000).
INSERT INTO public.events (id, account_id, payload, created_at) OVERRIDING SYSTEM VALUE
SELECT x.i,
       CASE WHEN x.i % 20 = 7 THEN NULL ELSE x.a END,
       CASE
           WHEN x.i <= 12000 THEN jsonb_build_object('action', x.act, 'user', x.uid) || x.pl
           WHEN x.i <= 20000 THEN jsonb_build_object('action', x.act, 'user', x.uid,
                                      'metadata', jsonb_build_object('source', CASE WHEN x.i % 3 = 0 THEN 'api' ELSE 'web' END)) || x.pl
           WHEN x.i <= 32000 THEN jsonb_build_object('event', jsonb_build_object('type', x.act, 'user_id', x.uid) || x.pl,
                                      'source', (ARRAY['web', 'api', 'mobile'])[x.i % 3 + 1])
           ELSE jsonb_build_object('version', 3,
                                   'event', jsonb_build_object('type', x.act, 'user_id', x.uid) || x.pl,
                                   'source', (ARRAY['web', 'api', 'mobile'])[x.i % 3 + 1])
       END,
       x.t
FROM (
    SELECT v.i, v.a, v.act, v.t,
           v.a + 2000 * (v.i % 10) AS uid,
           CASE
               WHEN v.act = 'upgrade' THEN jsonb_build_object('plan', CASE WHEN v.i % 3 = 0 THEN 'enterprise' ELSE 'pro' END)
               WHEN v.act = 'downgrade' THEN jsonb_build_object('plan', CASE WHEN v.i % 2 = 0 THEN 'free' ELSE 'pro' END)
               ELSE '{}'::jsonb
           END AS pl
    FROM (
        SELECT g.i,
               (g.i * 13) % least(2000, greatest(1, (((g.i - 1) * 8279) / 3600) / 43)) + 1 AS a,
               CASE
                   WHEN (g.i * 37) % 100 < 50 THEN 'login'
                   WHEN (g.i * 37) % 100 < 65 THEN 'signup'
                   WHEN (g.i * 37) % 100 < 80 THEN 'upgrade'
                   WHEN (g.i * 37) % 100 < 90 THEN 'downgrade'
                   ELSE 'cancel'
               END AS act,
               timestamptz '2015-01-01 01:00:00+00' + (g.i - 1) * interval '8279 seconds' AS t
        FROM generate_series(1, 40000) AS g(i)
    ) AS v
) AS x;

-- webhook_deliveries: 3,000 rows; response_body is JSON text (70%), 'OK' (20%), '<ack/>' (5%) or an HTML error page (5%).
INSERT INTO public.webhook_deliveries (id, endpoint, response_body, http_status, delivered_at)
SELECT md5('webhook-' || g.i)::uuid,
       (ARRAY['https://hooks.partner-erp.example/acme',
              'https://api.shopline.example/webhooks/orders',
              'https://crm.example.net/inbound/acme',
              'https://hooks.chat.example/services/T000/B000',
              'https://ops.acme.example/webhooks',
              'http://legacy-bridge.internal:8080/notify'])[(g.i * 7) % 6 + 1],
       CASE
           WHEN g.i % 10 < 7 THEN '{"ok":true,"id":"evt_' || left(md5('wh' || g.i), 12) || '"}'
           WHEN g.i % 10 < 9 THEN 'OK'
           WHEN g.i % 20 = 9 THEN '<ack/>'
           ELSE '<!DOCTYPE html><html><head><title>' || (ARRAY['502 Bad Gateway', '503 Service Unavailable', '500 Internal Server Error'])[(g.i / 20) % 3 + 1]
                || '</title></head><body><h1>' || (ARRAY['502 Bad Gateway', '503 Service Unavailable', '500 Internal Server Error'])[(g.i / 20) % 3 + 1]
                || '</h1><hr><center>nginx</center></body></html>'
       END,
       CASE
           WHEN g.i % 10 < 9 THEN 200
           WHEN g.i % 20 = 9 THEN 202
           ELSE (ARRAY[502, 503, 500])[(g.i / 20) % 3 + 1]
       END,
       timestamptz '2023-01-01 00:00:00+00' + (g.i - 1) * interval '260 minutes'
FROM generate_series(1, 3000) AS g(i);

-- addresses: 1,000 legacy rows, all created 2015-01-01 .. 2018-11-17, country as free text.
INSERT INTO public.addresses (id, user_id, line1, city, country, created_at) OVERRIDING SYSTEM VALUE
SELECT g.i,
       CASE WHEN g.i % 50 = 0 THEN NULL ELSE (g.i * 19) % 20000 + 1 END,
       (1 + (g.i * 7) % 180) || ' ' || c.street[(g.i * 3) % 10 + 1],
       c.city[(g.i * 5) % 12 + 1],
       CASE
           WHEN g.i % 7 = 0 THEN c.code[(g.i * 5) % 12 + 1]
           WHEN g.i % 11 = 0 THEN lower(c.country[(g.i * 5) % 12 + 1])
           ELSE c.country[(g.i * 5) % 12 + 1]
       END,
       timestamptz '2015-01-01 00:00:00+00' + (g.i - 1) * interval '34 hours'
FROM generate_series(1, 1000) AS g(i)
CROSS JOIN (SELECT
    ARRAY['Main Street', 'High Street', 'Hauptstrasse', 'Rue de la Paix', 'Calle Mayor', 'Via Roma', 'Kerkstraat', 'Broadway', 'Queen Street', 'George Street'] AS street,
    ARRAY['Berlin', 'Munich', 'Paris', 'Lyon', 'London', 'Madrid', 'Milan', 'Amsterdam', 'New York', 'San Francisco', 'Toronto', 'Sydney'] AS city,
    ARRAY['Germany', 'Germany', 'France', 'France', 'United Kingdom', 'Spain', 'Italy', 'Netherlands', 'United States', 'United States', 'Canada', 'Australia'] AS country,
    ARRAY['DE', 'DE', 'FR', 'FR', 'GB', 'ES', 'IT', 'NL', 'US', 'US', 'CA', 'AU'] AS code) AS c;

-- tmp_customer_addresses: 25,000 rows (one primary address per user, plus a second address for users 1..5000).
INSERT INTO public.tmp_customer_addresses (id, user_id, line1, city, postcode, country, is_primary, created_at) OVERRIDING SYSTEM VALUE
SELECT g.i,
       (g.i - 1) % 20000 + 1,
       (1 + (g.i * 7) % 240) || ' ' || c.street[(g.i * 3) % 10 + 1],
       c.city[(g.i * 5) % 12 + 1],
       CASE WHEN g.i % 33 = 0 THEN NULL ELSE c.pre[(g.i * 5) % 12 + 1] || lpad(((g.i * 7919) % 1000)::text, 3, '0') END,
       c.code[(g.i * 5) % 12 + 1],
       g.i <= 20000,
       timestamptz '2019-03-01 00:00:00+00' + (g.i - 1) * interval '115 minutes'
FROM generate_series(1, 25000) AS g(i)
CROSS JOIN (SELECT
    ARRAY['Main Street', 'High Street', 'Hauptstrasse', 'Rue de la Paix', 'Calle Mayor', 'Via Roma', 'Kerkstraat', 'Broadway', 'Queen Street', 'George Street'] AS street,
    ARRAY['Berlin', 'Munich', 'Paris', 'Lyon', 'London', 'Madrid', 'Milan', 'Amsterdam', 'New York', 'San Francisco', 'Toronto', 'Sydney'] AS city,
    ARRAY['DE', 'DE', 'FR', 'FR', 'GB', 'ES', 'IT', 'NL', 'US', 'US', 'CA', 'AU'] AS code,
    ARRAY['10', '80', '75', '69', 'SW1A ', '28', '20', '10', '10', '94', 'M5V ', '2'] AS pre) AS c;

-- billing.invoices: 60,000 rows. k = 0 is the all-zero sentinel (number 0, amount 0). number = 100000 + k otherwise.
INSERT INTO billing.invoices (id, number, order_id, account_id, amount_cents, status, issued_on, due_date)
SELECT CASE WHEN x.k = 0 THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE md5('invoice-' || x.k)::uuid END,
       CASE WHEN x.k = 0 THEN 0 ELSE 100000 + x.k END,
       x.oid,
       CASE WHEN x.k = 0 THEN 1 ELSE coalesce(o.account_id, (x.k * 13) % 2000 + 1) END,
       CASE WHEN x.k = 0 THEN 0 ELSE coalesce(o.total_cents, 1500 + (x.k * 7919) % 90000) END,
       CASE
           WHEN (x.k * 37) % 100 < 60 THEN 'paid'
           WHEN (x.k * 37) % 100 < 65 THEN 'PAID'
           WHEN (x.k * 37) % 100 < 68 THEN 'Paid '
           WHEN (x.k * 37) % 100 < 83 THEN 'open'
           WHEN (x.k * 37) % 100 < 90 THEN 'void'
           ELSE 'overdue'
       END,
       CASE
           WHEN x.k = 0 THEN '1970-01-01'
           WHEN x.k % 10 < 4 THEN to_char(d.d, 'YYYY-MM-DD')
           WHEN x.k % 10 < 7 THEN to_char(d.d, 'MM/DD/YYYY')
           WHEN x.k % 10 < 9 THEN to_char(d.d, 'DD/MM/YYYY')
           ELSE to_char(d.d, 'DD-Mon-YYYY')
       END,
       CASE WHEN x.k = 0 THEN NULL ELSE d.d + 30 END
FROM (
    SELECT g.k,
           CASE WHEN g.k = 0 OR g.k % 20 = 0 THEN NULL WHEN g.k % 200 = 1 THEN 900000 + g.k ELSE g.k * 4 END AS oid
    FROM generate_series(0, 59999) AS g(k)
) AS x
LEFT JOIN (SELECT id, account_id, total_cents, created_at FROM public.orders WHERE id % 4 = 0) AS o ON o.id = x.oid
CROSS JOIN LATERAL (
    SELECT coalesce((o.created_at AT TIME ZONE 'UTC')::date + 1, date '2015-06-01' + x.k / 17) AS d
) AS d;

-- billing.payments: one payment per paid invoice (any spelling of 'paid'), two half payments when (number - 100000) % 4 = 0.
INSERT INTO billing.payments (id, invoice_id, amount_cents, method, paid_at, is_deleted)
SELECT md5('payment-' || inv.k || '-' || n.n)::uuid,
       inv.id,
       CASE WHEN inv.parts = 1 THEN inv.amount_cents WHEN n.n = 1 THEN inv.amount_cents / 2 ELSE inv.amount_cents - inv.amount_cents / 2 END,
       CASE
           WHEN (inv.k * 7 + n.n) % 20 < 11 THEN 'card'
           WHEN (inv.k * 7 + n.n) % 20 < 15 THEN 'sepa'
           WHEN (inv.k * 7 + n.n) % 20 < 18 THEN 'wire'
           ELSE 'paypal'
       END,
       ((inv.due_date - 30 + (inv.k % 25)::int + (n.n - 1) * 14)::timestamp + interval '9 hours' + (inv.k % 480) * interval '1 minute') AT TIME ZONE 'UTC',
       ('x' || substr(md5('payment-' || inv.k || '-' || n.n), 9, 8))::bit(32)::bigint % 100 < 3
FROM (
    SELECT i.id, i.amount_cents, i.due_date,
           i.number - 100000 AS k,
           CASE WHEN (i.number - 100000) % 4 = 0 THEN 2 ELSE 1 END AS parts
    FROM billing.invoices i
    WHERE lower(btrim(i.status)) = 'paid' AND i.number > 0
) AS inv
CROSS JOIN LATERAL generate_series(1, inv.parts) AS n(n);

-- billing.refunds: a payment is refunded when its id's first 8 hex digits, read as an integer, are divisible by 25.
-- Refund ids follow payment id order. 20 more refunds point at payment ids that do not exist.
INSERT INTO billing.refunds (id, payment_id, amount_cents, reason, created_at) OVERRIDING SYSTEM VALUE
SELECT row_number() OVER (ORDER BY r.ord, r.pid),
       r.pid,
       r.amount_cents,
       r.reason,
       r.created_at
FROM (
    SELECT 1 AS ord, p.id AS pid,
           CASE WHEN (p.h / 25) % 10 = 0 THEN p.amount_cents ELSE p.amount_cents / (2 + (p.h / 25) % 3) END AS amount_cents,
           (ARRAY['customer request', 'duplicate charge', 'damaged goods', 'fraud', NULL])[(p.h / 25) % 5 + 1] AS reason,
           p.paid_at + (1 + (p.h / 25) % 30) * interval '24 hours' AS created_at
    FROM (SELECT q.*, ('x' || substr(q.id::text, 1, 8))::bit(32)::bigint AS h FROM billing.payments q) AS p
    WHERE p.h % 25 = 0
    UNION ALL
    SELECT 2, md5('ghost-payment-' || g.i)::uuid, 500 + g.i * 100, 'migrated from legacy PSP',
           timestamptz '2019-02-01 00:00:00+00' + g.i * interval '72 hours'
    FROM generate_series(1, 20) AS g(i)
) AS r;

-- legacy.customer_master: 3,000 rows; cust_id 1..2000 equal public.accounts.id, cust_id 92001..93000 exist nowhere else.
INSERT INTO legacy.customer_master
SELECT CASE WHEN g.i <= 2000 THEN g.i ELSE 90000 + g.i END,
       CASE WHEN g.i <= 2000 THEN upper(btrim(a.name)) ELSE 'CUST ' || lpad(g.i::text, 6, '0') END,
       (ARRAY['B', 'C', 'X', 'B', 'B'])[g.i % 5 + 1],
       CASE WHEN g.i % 9 = 0 THEN 'I' ELSE 'A' END,
       timestamp '2003-01-01 00:00:00' + g.i * interval '30 hours',
       upper((1 + (g.i * 7) % 180) || ' ' || (ARRAY['MAIN ST', 'HIGH ST', 'HAUPTSTR', 'RUE DE LA PAIX', 'BROADWAY'])[g.i % 5 + 1]),
       CASE WHEN g.i % 4 = 0 THEN 'SUITE ' || (g.i % 300) END,
       NULL,
       (ARRAY['BERLIN', 'MUNICH', 'PARIS', 'LONDON', 'NEW YORK', 'TORONTO'])[g.i % 6 + 1],
       CASE WHEN g.i % 6 = 4 THEN 'NY' WHEN g.i % 6 = 5 THEN 'ON' END,
       lpad(((g.i * 7919) % 99999)::text, 5, '0'),
       (ARRAY['DEU', 'DEU', 'FRA', 'GBR', 'USA', 'CAN'])[g.i % 6 + 1],
       '0' || lpad(((g.i * 104729) % 1000000000)::text, 9, '0'),
       CASE WHEN g.i % 3 = 0 THEN '0' || lpad(((g.i * 7907) % 1000000000)::text, 9, '0') END,
       CASE WHEN g.i % 10 = 0 THEN '0' || lpad(((g.i * 7901) % 1000000000)::text, 9, '0') END,
       CASE WHEN g.i % 8 = 0 THEN NULL ELSE 'info' || g.i || '@' || (ARRAY['aol.com', 'compuserve.com', 't-online.de', 'wanadoo.fr'])[g.i % 4 + 1] END,
       upper((ARRAY['MEYER', 'SMITH', 'DUBOIS', 'ROSSI', 'KING'])[(g.i * 3) % 5 + 1] || ', ' || (ARRAY['HANS', 'JOHN', 'MARIE', 'LUCA', 'ANNE'])[(g.i * 7) % 5 + 1]),
       100 + g.i % 37,
       (ARRAY['N01', 'S02', 'E03', 'W04', 'INTL'])[g.i % 5 + 1],
       ((g.i * 7919) % 500) * 100.00,
       ((g.i * 104729) % 2500000) / 100.0,
       to_char(date '2014-01-01' + (g.i * 131) % 730, 'YYYYMMDD'),
       (g.i % 2)::smallint,
       CASE WHEN g.i % 3 = 0 THEN 1 ELSE 0 END::smallint,
       CASE WHEN g.i % 7 = 0 THEN 1 ELSE 0 END::smallint,
       CASE WHEN g.i % 11 = 0 THEN NULL ELSE 0 END::smallint,
       0::smallint,
       CASE WHEN g.i % 13 = 0 THEN 9 ELSE 0 END::smallint,
       (g.i % 4)::smallint,
       NULL::smallint,
       CASE WHEN g.i % 17 = 0 THEN 1 END::smallint,
       1::smallint,
       CASE WHEN g.i % 19 = 0 THEN -1 ELSE 0 END::smallint,
       (g.i % 3)::smallint,
       CASE WHEN g.i % 5 = 0 THEN 'see ticket #' || (g.i * 7) END,
       CASE WHEN g.i % 6 = 0 THEN 'do not call' END,
       CASE WHEN g.i % 7 = 0 THEN 'migrated ' || to_char(date '2009-01-01' + g.i % 400, 'DD.MM.YYYY') END,
       CASE WHEN g.i % 8 = 0 THEN 'x' END,
       CASE WHEN g.i % 9 = 0 THEN left(md5('misc5-' || g.i), 16) END,
       NULL,
       CASE WHEN g.i % 25 = 0 THEN 'VIP' END,
       NULL,
       CASE WHEN g.i % 30 = 0 THEN 'legacy-' || g.i END,
       '',
       'SAP-' || lpad(g.i::text, 7, '0'),
       CASE WHEN g.i % 2 = 0 THEN 'SF-' || left(md5('sf-' || g.i), 10) END,
       NULL,
       CASE WHEN g.i % 50 = 0 THEN 'DUP OF ' || (g.i - 1) END,
       NULL,
       (g.i % 100) / 10.0,
       CASE WHEN g.i % 4 = 0 THEN g.i * 3 END,
       0,
       NULL,
       (g.i * 7919) % 1000,
       CASE WHEN g.i % 10 = 0 THEN -1 END,
       NULL,
       g.i % 2,
       to_char(date '2010-01-01' + g.i % 1000, 'YYYY-MM-DD'),
       CASE WHEN g.i % 3 = 0 THEN to_char(date '2011-01-01' + g.i % 900, 'MM/DD/YYYY') END,
       NULL,
       CASE WHEN g.i % 20 = 0 THEN '00/00/0000' END,
       CASE WHEN g.i % 3 = 0 THEN NULL ELSE 'DE' || lpad(((g.i * 7919) % 1000000000)::text, 9, '0') END,
       lpad(((g.i * 104723) % 1000000000)::text, 9, '0'),
       (ARRAY['NET30', 'NET60', 'PREPAY', 'NET 30', 'net30'])[g.i % 5 + 1],
       CASE WHEN g.i % 6 = 4 OR g.i % 6 = 5 THEN 'USD' WHEN g.i % 6 = 3 THEN 'GBP' ELSE 'EUR' END,
       (ARRAY['SAP', 'AS400', 'CSV'])[g.i % 3 + 1],
       (ARRAY['BATCH', 'JSMITH', 'MMEYER', 'ETL_USER'])[g.i % 4 + 1],
       timestamp '2015-12-31 23:00:00' + g.i * interval '1 minute'
FROM generate_series(1, 3000) AS g(i)
LEFT JOIN public.accounts a ON a.id = g.i;

-- legacy.order_archive: 10,000 rows, no primary key; rows 9901..10000 are exact duplicates of rows 1..100.
INSERT INTO legacy.order_archive (order_id, cust_id, amount, order_date, status)
SELECT x.j,
       CASE WHEN (x.j * 7) % 3000 + 1 <= 2000 THEN (x.j * 7) % 3000 + 1 ELSE 90000 + (x.j * 7) % 3000 + 1 END,
       ((x.j * 7919) % 100000) / 100.0 + 5,
       CASE WHEN x.j % 200 = 0 THEN '00000000' ELSE to_char(date '2008-01-01' + (x.j * 2671) % 2900, 'YYYYMMDD') END,
       CASE WHEN (x.j * 37) % 100 < 80 THEN 'C' WHEN (x.j * 37) % 100 < 85 THEN 'O' ELSE 'X' END
FROM (SELECT CASE WHEN g.i > 9900 THEN g.i - 9900 ELSE g.i END AS j FROM generate_series(1, 10000) AS g(i)) AS x;

-- Identity sequences continue after the generated ids.
SELECT setval(pg_get_serial_sequence('public.accounts', 'id'), (SELECT max(id) FROM public.accounts));
SELECT setval(pg_get_serial_sequence('public.users', 'id'), (SELECT max(id) FROM public.users));
SELECT setval(pg_get_serial_sequence('public.orders', 'id'), (SELECT max(id) FROM public.orders));
SELECT setval(pg_get_serial_sequence('public.order_items', 'id'), (SELECT max(id) FROM public.order_items));
SELECT setval(pg_get_serial_sequence('public.comments', 'id'), (SELECT max(id) FROM public.comments));
SELECT setval(pg_get_serial_sequence('public.events', 'id'), (SELECT max(id) FROM public.events));
SELECT setval(pg_get_serial_sequence('public.addresses', 'id'), (SELECT max(id) FROM public.addresses));
SELECT setval(pg_get_serial_sequence('public.tmp_customer_addresses', 'id'), (SELECT max(id) FROM public.tmp_customer_addresses));
SELECT setval(pg_get_serial_sequence('billing.refunds', 'id'), (SELECT max(id) FROM billing.refunds));

-- ---------------------------------------------------------------------------------------------
-- Keys, declared foreign keys (the undeclared references are deliberately missing) and indexes
-- ---------------------------------------------------------------------------------------------

ALTER TABLE public.regions ADD PRIMARY KEY (code);
ALTER TABLE public.accounts ADD PRIMARY KEY (id);
ALTER TABLE public.users ADD PRIMARY KEY (id);
ALTER TABLE public.orders ADD PRIMARY KEY (id);
ALTER TABLE public.products ADD PRIMARY KEY (sku);
ALTER TABLE public.order_items ADD PRIMARY KEY (id);
ALTER TABLE public.comments ADD PRIMARY KEY (id);
ALTER TABLE public.attachments ADD PRIMARY KEY (id);
ALTER TABLE public.events ADD PRIMARY KEY (id);
ALTER TABLE public.webhook_deliveries ADD PRIMARY KEY (id);
ALTER TABLE public.addresses ADD PRIMARY KEY (id);
ALTER TABLE public.tmp_customer_addresses ADD PRIMARY KEY (id);
ALTER TABLE billing.invoices ADD PRIMARY KEY (id);
ALTER TABLE billing.invoices ADD UNIQUE (number);
ALTER TABLE billing.payments ADD PRIMARY KEY (id);
ALTER TABLE billing.refunds ADD PRIMARY KEY (id);
ALTER TABLE legacy.customer_master ADD PRIMARY KEY (cust_id);

ALTER TABLE public.users ADD FOREIGN KEY (account_id) REFERENCES public.accounts (id) ON DELETE CASCADE;
ALTER TABLE public.orders ADD FOREIGN KEY (user_id) REFERENCES public.users (id);
ALTER TABLE public.orders ADD FOREIGN KEY (account_id) REFERENCES public.accounts (id);
ALTER TABLE public.order_items ADD FOREIGN KEY (order_id) REFERENCES public.orders (id) ON DELETE CASCADE;
ALTER TABLE public.tmp_customer_addresses ADD FOREIGN KEY (user_id) REFERENCES public.users (id);
ALTER TABLE billing.invoices ADD FOREIGN KEY (account_id) REFERENCES public.accounts (id);
ALTER TABLE billing.payments ADD FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id);

CREATE UNIQUE INDEX users_email_lower_key ON public.users (lower(email));
CREATE INDEX orders_user_id_idx ON public.orders (user_id);
CREATE INDEX orders_created_at_idx ON public.orders (created_at);
CREATE INDEX orders_open_state_idx ON public.orders (state) WHERE state < 2;
CREATE INDEX order_items_order_id_idx ON public.order_items (order_id);
CREATE INDEX comments_commentable_idx ON public.comments (commentable_type, commentable_id);
CREATE INDEX payments_invoice_id_idx ON billing.payments (invoice_id);

-- ---------------------------------------------------------------------------------------------
-- Trigger, views, materialized view
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION public.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;

CREATE TRIGGER orders_touch_updated_at BEFORE UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

CREATE VIEW public.active_users AS
SELECT id, account_id, email, full_name, "lastLoginAt", created_at
FROM public.users
WHERE deleted_at IS NULL;

CREATE VIEW public.order_summary AS
SELECT o.id AS order_id, a.name AS account_name, o.state, o.total_cents, o.created_at
FROM public.orders o
JOIN public.accounts a ON a.id = o.account_id;

CREATE VIEW billing.invoice_totals AS
SELECT account_id, count(*) AS invoice_count, sum(amount_cents) AS total_amount_cents
FROM billing.invoices
GROUP BY account_id;

CREATE MATERIALIZED VIEW billing.monthly_revenue AS
SELECT date_trunc('month', paid_at AT TIME ZONE 'UTC')::date AS month, sum(amount_cents) AS revenue_cents
FROM billing.payments
WHERE NOT is_deleted
GROUP BY 1
ORDER BY 1;

-- ---------------------------------------------------------------------------------------------
-- Comments: about half of the tables have one, almost no column has one.
-- ---------------------------------------------------------------------------------------------

COMMENT ON TABLE public.regions IS 'Sales regions, keyed by a short region code such as EU-W.';
COMMENT ON TABLE public.accounts IS 'Customer accounts (companies or individual buyers). One account has many users.';
COMMENT ON TABLE public.orders IS 'Customer orders. One row per checkout.';
COMMENT ON COLUMN public.orders.state IS 'Lifecycle: 0=pending, 1=processing, 2=shipped, 3=delivered, 4=cancelled';
COMMENT ON TABLE public.events IS 'Product analytics events, appended by the tracking pipeline.';
COMMENT ON TABLE public.addresses IS 'DEPRECATED: frozen since the 2019 migration; use tmp_customer_addresses';
COMMENT ON TABLE public.tmp_customer_addresses IS 'Despite the tmp_ prefix this is the live address table since the 2019 migration; addresses is frozen.';
COMMENT ON TABLE billing.invoices IS 'Invoices issued to accounts.';
COMMENT ON COLUMN billing.invoices.issued_on IS 'Issue date as text (legacy importer)';
COMMENT ON TABLE billing.payments IS 'Payments received against invoices.';

RESET jit;
RESET work_mem;
RESET client_min_messages;

ANALYZE;
