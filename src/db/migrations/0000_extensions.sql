-- Trigram search on names; full-text search uses the built-in english and french configurations.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
