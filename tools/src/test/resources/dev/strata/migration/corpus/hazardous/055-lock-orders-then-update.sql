-- expect: missing-lock-timeout
-- why: LOCK TABLE without a mode takes ACCESS EXCLUSIVE on public.orders, and no lock_timeout bounds the wait for it.

BEGIN;
LOCK TABLE public.orders;
UPDATE public.orders SET currency = 'GBP' WHERE region_code = 'UK' AND currency <> 'GBP';
COMMIT;
