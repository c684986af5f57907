-- expect: none
-- absent: update-without-where
-- why: the backfill is bounded by a WHERE on a key range and only touches rows that still need it, so each batch is short.

-- Normalise plan spellings, batch 1 of 2 (ids 1..1000). Re-runnable.
UPDATE public.accounts
SET plan = lower(plan)
WHERE id BETWEEN 1 AND 1000
  AND plan <> lower(plan);

-- batch 2 of 2
UPDATE public.accounts
SET plan = lower(plan)
WHERE id BETWEEN 1001 AND 2000
  AND plan <> lower(plan);
