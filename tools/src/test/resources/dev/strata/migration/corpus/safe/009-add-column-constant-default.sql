-- expect: none
-- absent: add-column-volatile-default, add-not-null-column
-- why: since PG 11 a constant default is stored in the catalog, so NOT NULL DEFAULT false needs no rewrite; lock_timeout is set.

SET lock_timeout = '2s';
ALTER TABLE public.orders ADD COLUMN is_gift boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN public.orders.is_gift IS 'True when the order is shipped as a gift (no prices on the packing slip).';
