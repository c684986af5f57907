-- expect: set-not-null
-- absent: missing-lock-timeout, add-check-without-not-valid
-- why: the CHECK is added NOT VALID but never validated, so SET NOT NULL cannot use it and still scans the table under ACCESS EXCLUSIVE.

SET lock_timeout = '3s';

ALTER TABLE public.webhook_deliveries
    ADD CONSTRAINT webhook_deliveries_response_body_not_null CHECK (response_body IS NOT NULL) NOT VALID;

-- (VALIDATE CONSTRAINT forgotten)
ALTER TABLE public.webhook_deliveries ALTER COLUMN response_body SET NOT NULL;
