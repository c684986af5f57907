-- expect: delete-without-where
-- why: DELETE without WHERE removes every row of public.webhook_deliveries.

-- Purge old webhook logs.
DELETE FROM public.webhook_deliveries;
