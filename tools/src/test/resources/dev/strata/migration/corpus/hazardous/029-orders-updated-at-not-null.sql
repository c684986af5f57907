-- expect: set-not-null, existing-rows-violate, missing-lock-timeout
-- needs: catalog
-- why: orders.updated_at is NULL for the 2,000 pending orders, so SET NOT NULL fails after a full scan of 250,000 rows under ACCESS EXCLUSIVE, with no lock_timeout.

-- Every order has an updated_at now that the trigger sets it.
ALTER TABLE public.orders ALTER COLUMN updated_at SET NOT NULL;
