-- expect: none
-- absent: add-foreign-key-without-not-valid, fk-column-without-index
-- why: index first (concurrently), FK added NOT VALID under a lock_timeout, then validated in its own transaction with only SHARE UPDATE EXCLUSIVE; every non-NULL events.account_id resolves.

-- 1. Index the referencing column so the FK never needs a scan of events.
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_account_id_idx ON public.events (account_id);

-- 2. Add the constraint without checking existing rows.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE public.events
    ADD CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts (id) NOT VALID;
COMMIT;

-- 3. Validate in a separate transaction: only SHARE UPDATE EXCLUSIVE, reads and writes continue.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE public.events VALIDATE CONSTRAINT events_account_id_fkey;
COMMIT;
