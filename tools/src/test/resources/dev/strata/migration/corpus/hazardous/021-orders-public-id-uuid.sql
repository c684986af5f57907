-- expect: add-column-volatile-default, missing-lock-timeout
-- why: gen_random_uuid() is volatile, so adding the column rewrites all 250,000 orders under ACCESS EXCLUSIVE, and no lock_timeout is set.

-- Expose a non-guessable id in the public API.
ALTER TABLE public.orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX CONCURRENTLY orders_public_id_key ON public.orders (public_id);
