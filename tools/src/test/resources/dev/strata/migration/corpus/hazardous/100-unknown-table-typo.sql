-- expect: unknown-table
-- needs: catalog
-- why: there is no table public.ordrs (public.orders is meant): PostgreSQL stops the migration there at deploy, and the fix names public.orders.

SET lock_timeout = '5s';
ALTER TABLE public.ordrs ADD COLUMN gift_note text;
