-- expect: add-not-null-column, missing-lock-timeout
-- needs: catalog
-- why: the idempotency guard in the DO block does not help: accounts has 2,000 rows, so ADD COLUMN … NOT NULL without a default fails, and it runs without lock_timeout.

DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'accounts' AND column_name = 'billing_email'
    ) THEN
        ALTER TABLE public.accounts ADD COLUMN billing_email text NOT NULL;
    END IF;
END
$$;
