-- expect: update-without-where
-- why: normalises plan on every account in one statement (all 2,000 rows touched and locked) instead of only the rows that need it.

\set ON_ERROR_STOP on
BEGIN;
UPDATE public.accounts SET plan = lower(plan);
COMMIT;
