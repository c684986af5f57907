-- expect: change-column-type, missing-lock-timeout
-- why: integer to bigint is not binary compatible, so order_items is rewritten under ACCESS EXCLUSIVE with no lock_timeout.

BEGIN;
-- Wholesale orders overflow int4 cents.
ALTER TABLE public.order_items ALTER COLUMN unit_price_cents TYPE bigint;
COMMIT;
