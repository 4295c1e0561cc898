-- Paastis event history: one row per domain event, newest read first.
CREATE TABLE paastis_events (
  id          BIGSERIAL   PRIMARY KEY,
  type        TEXT        NOT NULL,
  app         TEXT        NOT NULL,
  provider    TEXT        NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  details     JSONB       NOT NULL DEFAULT '{}'::jsonb,
  -- the Paastis instance that recorded it, so that it can tell its own notifications apart
  instance    TEXT        NOT NULL DEFAULT ''
);

-- one app's events, newest first: the admin API's and the CLI's usual question
CREATE INDEX paastis_events_app_time ON paastis_events (app, occurred_at DESC, id DESC);

-- every app's events, newest first, and the retention's range deletes
CREATE INDEX paastis_events_time ON paastis_events (occurred_at DESC, id DESC);

-- every instance LISTENs on paastis_events: each new row is announced to all of them
CREATE FUNCTION paastis_events_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('paastis_events', json_build_object(
    'instance', NEW.instance, 'type', NEW.type, 'app', NEW.app, 'provider', NEW.provider,
    'at', (extract(epoch FROM NEW.occurred_at) * 1000)::bigint, 'details', NEW.details)::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER paastis_events_notify AFTER INSERT ON paastis_events
  FOR EACH ROW EXECUTE FUNCTION paastis_events_notify();
