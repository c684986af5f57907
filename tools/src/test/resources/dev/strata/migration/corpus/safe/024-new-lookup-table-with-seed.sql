-- expect: none
-- absent: create-index-not-concurrently, bare-id-primary-key
-- why: a new lookup table keyed by its natural code, seeded in the same transaction; nothing existing is touched.

BEGIN;

CREATE TABLE public.payment_methods (
    code text PRIMARY KEY,
    label text NOT NULL,
    is_active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE public.payment_methods IS 'Payment methods offered at checkout.';
COMMENT ON COLUMN public.payment_methods.code IS 'Method code as stored in billing.payments.method.';
COMMENT ON COLUMN public.payment_methods.label IS 'Name shown to customers.';
COMMENT ON COLUMN public.payment_methods.is_active IS 'False once a method is retired.';

INSERT INTO public.payment_methods (code, label) VALUES
    ('card', 'Credit card'),
    ('sepa', 'SEPA direct debit'),
    ('wire', 'Bank transfer'),
    ('paypal', 'PayPal');

COMMIT;
