-- expect: add-column-volatile-default, missing-lock-timeout
-- why: the default calls random(), which is volatile, so public.accounts is rewritten under ACCESS EXCLUSIVE; there is no lock_timeout.

-- Short random reference for support tickets.
ALTER TABLE public.accounts
    ADD COLUMN support_ref text NOT NULL DEFAULT substr(md5(random()::text), 1, 8);
