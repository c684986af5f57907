-- expect: drop-index-not-concurrently, missing-lock-timeout
-- why: a plain DROP INDEX takes ACCESS EXCLUSIVE on public.orders, with no lock_timeout to stop it queueing every reader behind it.

-- orders_open_state_idx is no longer used by the fulfilment worker.
DROP INDEX public.orders_open_state_idx;
