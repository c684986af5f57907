-- expect: dependent-objects
-- absent: unknown-table
-- needs: catalog
-- why: dropping public.order_summary first does not help: public.active_users uses users.email, so the type change still fails; the script model drops only what the script drops.

SET lock_timeout = '5s';
BEGIN;
DROP VIEW public.order_summary;
ALTER TABLE public.users ALTER COLUMN email TYPE varchar(320);
COMMIT;
