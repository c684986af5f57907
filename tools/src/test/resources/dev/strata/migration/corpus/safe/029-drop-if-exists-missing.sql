-- expect: unknown-table
-- needs: catalog
-- why: IF EXISTS makes the DROP a no-op on a missing table: advice (is the name right?), never a failure.

DROP TABLE IF EXISTS public.orders_backup_2019;
