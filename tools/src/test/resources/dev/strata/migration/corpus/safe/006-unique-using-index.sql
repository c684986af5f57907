-- expect: none
-- absent: add-unique-constraint
-- why: the unique index is built CONCURRENTLY, then attached as a constraint with USING INDEX (a brief lock under lock_timeout); users.email is already unique.

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON public.users (email);

SET lock_timeout = '2s';
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;
