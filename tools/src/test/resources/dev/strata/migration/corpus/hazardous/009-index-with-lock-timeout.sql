-- expect: create-index-not-concurrently
-- absent: missing-lock-timeout
-- why: a lock_timeout does not help here: once the SHARE lock is granted, the non-concurrent build on order_items (200,000 rows) still blocks writes until it finishes.

SET lock_timeout = '3s';
SET statement_timeout = '10min';

-- Lookups of order lines by SKU for the "who bought this product" page.
CREATE INDEX order_items_sku_idx ON public.order_items (sku);
