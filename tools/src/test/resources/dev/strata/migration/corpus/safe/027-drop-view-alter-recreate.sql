-- expect: none
-- absent: dependent-objects, change-column-type
-- needs: catalog
-- why: the recipe dependent-objects recommends: the view that uses users.email is dropped first and recreated after, in one transaction; text → varchar (no length) is binary-coercible, so nothing is rewritten.

SET lock_timeout = '5s';
BEGIN;
DROP VIEW public.active_users;
ALTER TABLE public.users ALTER COLUMN email TYPE varchar;
CREATE VIEW public.active_users AS
SELECT id, account_id, email, full_name, "lastLoginAt", created_at
FROM public.users
WHERE deleted_at IS NULL;
COMMIT;
