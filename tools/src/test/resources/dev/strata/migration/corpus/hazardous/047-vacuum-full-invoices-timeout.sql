-- expect: table-rewrite
-- absent: missing-lock-timeout
-- why: VACUUM FULL copies billing.invoices into a new file while holding ACCESS EXCLUSIVE for the whole copy; lock_timeout only bounds the wait.

SET lock_timeout = '10s';
\echo 'vacuum full billing.invoices'
VACUUM FULL billing.invoices;
