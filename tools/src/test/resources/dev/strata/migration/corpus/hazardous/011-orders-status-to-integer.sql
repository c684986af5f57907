-- expect: change-column-type, missing-lock-timeout
-- why: smallint to integer rewrites public.orders (250,000 rows) and its indexes under ACCESS EXCLUSIVE, and no lock_timeout is set.

-- status will carry more than 2 values once the new payment states ship.
ALTER TABLE public.orders ALTER COLUMN status TYPE integer;
