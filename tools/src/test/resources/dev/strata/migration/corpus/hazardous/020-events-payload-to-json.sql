-- expect: change-column-type, missing-lock-timeout
-- why: jsonb to json rewrites all 40,000 events under ACCESS EXCLUSIVE and no lock_timeout is set.

\echo 'converting events.payload to json (keeps key order for the exporter)'
ALTER TABLE public.events ALTER COLUMN payload TYPE json USING payload::json;
