// Package server is Dyad's JSON API over the event store: events with
// filters, sorting, cursor pages and exports; articles with their
// sentences and the events' explanations; actors, dyads' time series,
// networks and full-text search; /healthz and Prometheus /metrics.
//
// The OpenAPI 3 document (openapi.json, embedded and served at
// /api/openapi.json, rendered in docs/API.md) is the contract; a test
// checks that every route is in it.
//
// Every request parameter is read in one place (params.go) into the
// store's typed queries, with bounds on limits, dates and lengths; a bad
// one is a 400 whose JSON names it, and unknown or repeated parameters
// are refused. Queries reach the database only through placeholders.
// Paths that are not clean are refused before routing; bodies and
// request time are bounded. The server binds to 127.0.0.1 unless told
// otherwise, is read-only unless given a write token, and stops when the
// context given to Run ends.
package server
