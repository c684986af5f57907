-- expect: add-check-without-not-valid, existing-rows-violate
-- absent: missing-lock-timeout
-- needs: catalog
-- why: accounts.plan has 'PRO' (40 rows) and 'Enterprise' (100 rows), so the CHECK fails; it is also validated under ACCESS EXCLUSIVE instead of NOT VALID.

SET lock_timeout = '2s';
SET statement_timeout = '30s';

ALTER TABLE public.accounts
    ADD CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro', 'enterprise'));
