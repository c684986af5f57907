-- expect: delete-without-where
-- why: the DELETE has no WHERE clause and removes all 40,000 events.

\set ON_ERROR_STOP on
\echo 'purging events'
DELETE FROM public.events;
\echo 'done'
