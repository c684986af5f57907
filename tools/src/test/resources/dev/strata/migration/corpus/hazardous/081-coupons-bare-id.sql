-- expect: bare-id-primary-key
-- absent: create-index-not-concurrently, missing-lock-timeout
-- why: the new table's primary key is a bare "id", which invites a.id = b.id joins; coupon_id is the convention.

CREATE TABLE public.promo_codes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL,
    percent_off smallint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX promo_codes_code_key ON public.promo_codes (code);

COMMENT ON TABLE public.promo_codes IS 'Promotional discount codes.';
COMMENT ON COLUMN public.promo_codes.code IS 'Code the customer types at checkout.';
COMMENT ON COLUMN public.promo_codes.percent_off IS 'Discount in percent.';
COMMENT ON COLUMN public.promo_codes.created_at IS 'When the code was created.';
