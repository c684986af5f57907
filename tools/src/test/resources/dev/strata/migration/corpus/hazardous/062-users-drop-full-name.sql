-- expect: drop-column, dependent-objects, missing-lock-timeout
-- needs: catalog
-- why: the view public.active_users selects users.full_name, so the DROP COLUMN fails (and would lose data); no lock_timeout.

ALTER TABLE public.users DROP COLUMN full_name;
