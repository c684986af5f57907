-- expect: validate-in-same-transaction
-- why: the NOT VALID add takes SHARE ROW EXCLUSIVE on orders and the transaction keeps it, so the VALIDATE scan of 250,000 rows runs under it and writes to orders wait for the whole scan; the two steps belong in two transactions.

BEGIN;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) NOT VALID;
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_user_fkey;
COMMIT;
