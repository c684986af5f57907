-- expect: add-unique-constraint, missing-lock-timeout
-- why: ADD CONSTRAINT … UNIQUE builds its index while holding ACCESS EXCLUSIVE on public.users (20,000 rows), with no lock_timeout; build the index CONCURRENTLY and attach it with USING INDEX.

ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);
