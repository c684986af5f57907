-- expect: add-not-null-column, missing-lock-timeout
-- needs: catalog
-- why: public.orders has 250,000 rows, so a NOT NULL column without a default cannot be added (every existing row would be NULL); no lock_timeout either.

ALTER TABLE public.orders ADD COLUMN channel text NOT NULL;
COMMENT ON COLUMN public.orders.channel IS 'web, app or api';
