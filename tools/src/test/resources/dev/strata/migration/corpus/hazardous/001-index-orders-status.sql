-- expect: create-index-not-concurrently
-- why: a plain CREATE INDEX on public.orders (250,000 rows) holds a SHARE lock that blocks every insert and update for the whole build.

-- Speed up the "orders by payment status" report on the admin dashboard.
CREATE INDEX orders_status_idx ON public.orders (status);
