-- expect: none
-- why: creating a view takes no lock that blocks readers or writers of the tables it selects from.

CREATE OR REPLACE VIEW public.open_orders AS
SELECT o.id AS order_id, o.account_id, o.state, o.total_cents, o.created_at
FROM public.orders o
WHERE o.state < 2
  AND o.deleted_at IS NULL;

COMMENT ON VIEW public.open_orders IS 'Orders that are pending (0) or processing (1).';
