-- expect: table-rewrite, missing-lock-timeout
-- why: VACUUM (FULL) rewrites public.events under ACCESS EXCLUSIVE, blocking reads and writes, and no lock_timeout is set.

-- Reclaim space after the 2023 payload cleanup.
VACUUM (FULL, ANALYZE, VERBOSE) public.events;
