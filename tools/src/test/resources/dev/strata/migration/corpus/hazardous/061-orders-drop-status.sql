-- expect: drop-column, missing-lock-timeout
-- why: drops orders.status with its data; every reader still selecting it breaks, and the ACCESS EXCLUSIVE lock is taken with no lock_timeout.

-- status duplicates state; state is the documented one.
ALTER TABLE public.orders DROP COLUMN status;
