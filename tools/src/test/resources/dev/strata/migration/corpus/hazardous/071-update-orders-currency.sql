-- expect: update-without-where
-- why: the UPDATE has no WHERE, so all 250,000 orders get currency EUR (and the touch trigger rewrites updated_at on every row).

UPDATE public.orders SET currency = 'EUR';
