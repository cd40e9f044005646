-- Dyad's store, SQLite. Days are days since 1970-01-01 (UTC); times
-- without a day are RFC 3339 text or Unix seconds as named.

CREATE TABLE sources (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE -- the publisher, else the URL's host, else ''
);

CREATE TABLE articles (
	id            TEXT PRIMARY KEY, -- the article's ID
	canonical_url TEXT NOT NULL,    -- the address it was first stored under
	url           TEXT NOT NULL,
	source_id     INTEGER NOT NULL REFERENCES sources(id),
	title         TEXT NOT NULL,
	byline        TEXT NOT NULL,
	published     TEXT NOT NULL,    -- RFC 3339, '' when unknown
	language      TEXT NOT NULL,
	origin        TEXT NOT NULL,
	dup_group     TEXT NOT NULL,    -- ID of the near-duplicate group's first article, '' for that one
	text          TEXT NOT NULL,
	content_hash  TEXT NOT NULL,    -- SHA-256 of text, hex
	added         INTEGER NOT NULL  -- Unix seconds
);
CREATE INDEX articles_dup_group ON articles(dup_group) WHERE dup_group <> '';

-- Every address an article is known by (canonical URL, URL or origin):
-- the key of idempotent ingest.
CREATE TABLE article_urls (
	url        TEXT PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id)
) WITHOUT ROWID;
CREATE INDEX article_urls_article ON article_urls(article_id);

CREATE TABLE sentences (
	article_id TEXT NOT NULL REFERENCES articles(id),
	idx        INTEGER NOT NULL,
	sid        TEXT NOT NULL,
	section    TEXT NOT NULL,
	paragraph  INTEGER NOT NULL,
	start_byte INTEGER NOT NULL,
	end_byte   INTEGER NOT NULL,
	text       TEXT NOT NULL,
	PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- Full text of articles; rowid is articles.rowid. Porter stemming, as
-- PostgreSQL's english configuration stems.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'porter unicode61');

CREATE TABLE actors (
	code        TEXT PRIMARY KEY,
	country     TEXT NOT NULL,
	known_group TEXT NOT NULL,
	religion1   TEXT NOT NULL,
	religion2   TEXT NOT NULL,
	type1       TEXT NOT NULL,
	type2       TEXT NOT NULL,
	type3       TEXT NOT NULL
) WITHOUT ROWID;

-- The words that have named each actor.
CREATE TABLE actor_names (
	code TEXT NOT NULL,
	name TEXT NOT NULL,
	PRIMARY KEY (code, name)
) WITHOUT ROWID;

-- Events, GDELT 2.0's columns where they apply: Actor1* is a1_*, Actor2*
-- a2_*. article_id is the first article reporting the event (SOURCEURL).
-- What the codes determine is not repeated in each row, to keep rows and
-- inserts small: the actors' parts (Actor1CountryCode...) are in actors,
-- and EventBaseCode, EventRootCode, the label and PLOVER's mode and
-- context follow from code and the codebook.
CREATE TABLE events (
	id              INTEGER PRIMARY KEY, -- GlobalEventID
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
-- Dyads over time, and merging: covering for the time series.
CREATE INDEX events_dyad ON events(a1_code, a2_code, day, quad_class, goldstein);
CREATE INDEX events_target ON events(a2_code, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_code ON events(code, day);
-- Root, QuadClass and PLOVER filters are not selective enough for an index
-- of their own to pay for its cost on every insert; they read events_day.

-- Each sentence reporting an event; its ID, section, paragraph and offsets
-- are the sentence's. detail is JSON (spans, evidence, date, confidence).
CREATE TABLE mentions (
	id          INTEGER PRIMARY KEY,
	event_id    INTEGER NOT NULL REFERENCES events(id),
	article_id  TEXT NOT NULL REFERENCES articles(id),
	record_id   INTEGER NOT NULL, -- the event's ID within its article (dyad code's id)
	sentence    INTEGER NOT NULL,
	code        TEXT NOT NULL,
	anchor      TEXT NOT NULL,
	rule        TEXT NOT NULL,
	pattern     TEXT NOT NULL,
	is_root     INTEGER NOT NULL,
	detail      TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);
