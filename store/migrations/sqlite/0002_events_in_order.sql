-- Events are stored in the order they come (SQLite's rowid), no longer
-- keyed by GlobalEventID: those are hashes, so that each new event was
-- written into a page of its own in a table of a million rows, and a
-- bulk load had to sort its events before storing them. GlobalEventID is
-- now a unique index, and the dyad index carries it, so that a dyad's
-- events over a time range are still found from that index alone.
-- The columns are those of 0001, in the same order.
CREATE TABLE events_v2 (
	id              INTEGER NOT NULL,    -- GlobalEventID
	day             INTEGER,             -- the text's day, else the article's; NULL when neither is known
	a1_code TEXT NOT NULL, a1_name TEXT NOT NULL,
	a2_code TEXT NOT NULL, a2_name TEXT NOT NULL,
	is_root         INTEGER NOT NULL,
	code            TEXT NOT NULL,
	confidence      REAL NOT NULL,      -- of the first article's coding, 0-1
	modality        TEXT NOT NULL,       -- how the article tells it: asserted, negated, ...
	quad_class      INTEGER NOT NULL,    -- 0 for a code that is not CAMEO
	goldstein       REAL NOT NULL,
	num_mentions    INTEGER NOT NULL,
	num_sources     INTEGER NOT NULL,
	num_articles    INTEGER NOT NULL,
	date_added      INTEGER NOT NULL,    -- Unix seconds
	article_id      TEXT NOT NULL REFERENCES articles(id),
	plover_category TEXT NOT NULL,
	published       TEXT NOT NULL,       -- the first article's date, RFC 3339, '' when unknown
	date_value      TEXT NOT NULL,       -- the event's own date (story.DateJSON); precision '' when none
	date_precision  TEXT NOT NULL,
	date_resolved   INTEGER NOT NULL,
	date_text       TEXT NOT NULL,
	-- ActionGeo: where it happened (story.GeoJSON); geo_type 0 when unplaced.
	geo_type INTEGER NOT NULL, geo_full_name TEXT NOT NULL, geo_country_code TEXT NOT NULL, geo_adm1_code TEXT NOT NULL,
	geo_lat REAL NOT NULL, geo_long REAL NOT NULL, geo_feature_id TEXT NOT NULL, geo_method TEXT NOT NULL, geo_text TEXT NOT NULL
);
INSERT INTO events_v2 SELECT * FROM events ORDER BY id;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
-- The key of mentions.event_id.
CREATE UNIQUE INDEX events_id ON events(id);
-- Dyads over time, and merging: covering for the time series and for the
-- IDs of a dyad's events.
CREATE INDEX events_dyad ON events(a1_code, a2_code, day, quad_class, goldstein, id);
CREATE INDEX events_target ON events(a2_code, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_code ON events(code, day);
