-- expect: add-column-volatile-default, set-not-null, add-check-without-not-valid, missing-lock-timeout
-- why: one ALTER TABLE with four subcommands under a single ACCESS EXCLUSIVE lock without lock_timeout: a volatile default (rewrite), a validated CHECK and a SET NOT NULL scan.

ALTER TABLE public.webhook_deliveries
    ADD COLUMN attempt_id uuid DEFAULT gen_random_uuid(),
    ADD CONSTRAINT webhook_deliveries_http_status_check CHECK (http_status BETWEEN 100 AND 599),
    ALTER COLUMN endpoint SET DEFAULT '',
    ALTER COLUMN response_body SET NOT NULL;
