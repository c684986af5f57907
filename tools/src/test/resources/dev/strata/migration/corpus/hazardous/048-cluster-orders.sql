-- expect: table-rewrite, missing-lock-timeout
-- why: CLUSTER rewrites public.orders (250,000 rows) in index order under ACCESS EXCLUSIVE, with no lock_timeout.

-- Physically order orders by creation time for the range scans in reporting.
CLUSTER public.orders USING orders_created_at_idx;
ANALYZE public.orders;
