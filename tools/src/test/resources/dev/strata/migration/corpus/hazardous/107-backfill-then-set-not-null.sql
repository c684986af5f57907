-- expect: set-not-null
-- absent: existing-rows-violate
-- needs: catalog
-- why: users.full_name has NULLs today, but the UPDATE before fills every one of them, so SET NOT NULL will not fail; it still scans 20,000 rows under ACCESS EXCLUSIVE (add a validated CHECK first).

SET lock_timeout = '5s';
UPDATE public.users SET full_name = '' WHERE full_name IS NULL;
ALTER TABLE public.users ALTER COLUMN full_name SET NOT NULL;
