-- expect: set-not-null, existing-rows-violate, missing-lock-timeout
-- needs: catalog
-- why: 757 rows of tmp_customer_addresses have no postcode, so SET NOT NULL fails (after scanning under ACCESS EXCLUSIVE without lock_timeout).

BEGIN;
ALTER TABLE public.tmp_customer_addresses ALTER COLUMN postcode SET NOT NULL;
ALTER TABLE public.tmp_customer_addresses ALTER COLUMN line1 SET DEFAULT '';
COMMIT;
