-- expect: none
-- why: inserting two lookup rows is an ordinary, idempotent write.

INSERT INTO public.regions (code, name)
VALUES ('EU-E', 'Eastern Europe'), ('EU', 'Europe (unspecified)')
ON CONFLICT (code) DO NOTHING;
