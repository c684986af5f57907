-- expect: rename-table, missing-lock-timeout
-- why: renaming the live address table breaks every reader still using tmp_customer_addresses; ACCESS EXCLUSIVE without lock_timeout.

-- Drop the misleading tmp_ prefix.
ALTER TABLE public.tmp_customer_addresses RENAME TO customer_addresses;
