-- expect: bare-id-primary-key, timestamp-without-time-zone
-- absent: create-index-not-concurrently
-- why: a new table keyed by a bare serial "id" with a logged_at column of type timestamp (no time zone).

CREATE TABLE IF NOT EXISTS public.audit_log (
    id serial PRIMARY KEY,
    actor_user_id bigint,
    action text NOT NULL,
    logged_at timestamp NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_logged_at_idx ON public.audit_log (logged_at);
