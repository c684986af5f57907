-- expect: none
-- why: COMMENT ON only updates pg_description; it takes a SHARE UPDATE EXCLUSIVE lock that blocks no reads or writes.

COMMENT ON TABLE public.users IS 'People who log in; each belongs to one account.';
COMMENT ON COLUMN public.orders.status IS 'Payment flag: 1 = paid, 0 = not paid. Prefer state for the lifecycle.';
COMMENT ON COLUMN public.users.deleted_at IS 'Soft delete: set when the user is removed; filter deleted_at IS NULL.';
COMMENT ON TABLE billing.refunds IS 'Refunds of payments, possibly partial.';
