-- expect: none
-- absent: add-check-without-not-valid
-- why: the CHECK is added NOT VALID (brief lock, no scan) with a lock_timeout and validated separately; orders.state only holds 0..4.

SET lock_timeout = '2s';

ALTER TABLE public.orders
    ADD CONSTRAINT orders_state_range CHECK (state BETWEEN 0 AND 4) NOT VALID;

-- separate transaction
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_state_range;
