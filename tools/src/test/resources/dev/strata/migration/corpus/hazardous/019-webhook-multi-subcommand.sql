-- expect: set-not-null, change-column-type, missing-lock-timeout
-- why: one ALTER TABLE with two subcommands: SET NOT NULL without a validated CHECK scans the table, and integer to smallint rewrites it, both under ACCESS EXCLUSIVE with no lock_timeout.

ALTER TABLE public.webhook_deliveries
    ALTER COLUMN http_status SET NOT NULL,
    ALTER COLUMN http_status TYPE smallint;
