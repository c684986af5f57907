-- expect: drop-table, dependent-objects, missing-lock-timeout
-- needs: catalog
-- why: users, orders and billing.invoices have foreign keys to accounts and the view public.order_summary joins it, so the DROP fails.

-- accounts are moving to the identity service.
DROP TABLE public.accounts;
