-- expect: polymorphic-reference, missing-lock-timeout
-- why: adds a subject_type/subject_id pair to public.events with no foreign key (polymorphic), under ACCESS EXCLUSIVE without lock_timeout.

ALTER TABLE public.events
    ADD COLUMN subject_type text,
    ADD COLUMN subject_id bigint;
