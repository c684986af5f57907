-- expect: rename-column
-- absent: missing-lock-timeout
-- why: fixes the camelCase name but breaks every reader that quotes "lastLoginAt"; should be expand/contract.

SET lock_timeout = '2s';
ALTER TABLE public.users RENAME COLUMN "lastLoginAt" TO last_login_at;
