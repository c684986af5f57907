-- expect: timestamp-without-time-zone, missing-lock-timeout
-- why: the new orders.shipped_at is a timestamp without time zone while every other timestamp in the database is timestamptz; ACCESS EXCLUSIVE without lock_timeout.

ALTER TABLE public.orders ADD COLUMN shipped_at timestamp;
