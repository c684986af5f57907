-- expect: change-column-type, dependent-objects, rename-column, missing-lock-timeout
-- needs: catalog
-- why: the view public.order_summary selects orders.total_cents, so the type change fails ("cannot alter type of a column used by a view"), and it would rewrite 250,000 rows anyway.

-- Store money as decimal euros instead of integer cents.
ALTER TABLE public.orders
    ALTER COLUMN total_cents TYPE numeric(14,2) USING total_cents / 100.0;
ALTER TABLE public.orders RENAME COLUMN total_cents TO total_amount;
