-- expect: add-foreign-key-without-not-valid, fk-column-without-index, missing-lock-timeout
-- absent: create-index-not-concurrently, bare-id-primary-key
-- why: ADD COLUMN … REFERENCES takes ACCESS EXCLUSIVE on public.orders with no lock_timeout, validates the new FK in the same statement, and no index leads with orders.coupon_id.

CREATE TABLE public.coupons (
    coupon_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL,
    percent_off smallint NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
    valid_until timestamptz
);
CREATE UNIQUE INDEX coupons_code_key ON public.coupons (code);
COMMENT ON TABLE public.coupons IS 'Discount codes redeemable at checkout.';

ALTER TABLE public.orders ADD COLUMN coupon_id bigint REFERENCES public.coupons (coupon_id);
