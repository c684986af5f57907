-- expect: truncate, missing-lock-timeout
-- why: TRUNCATE empties public.events (40,000 rows) under ACCESS EXCLUSIVE with no lock_timeout.

-- Analytics moved to the warehouse.
TRUNCATE public.events;
