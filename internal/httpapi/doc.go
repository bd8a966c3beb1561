// Package httpapi serves Parallax's JSON API under /api/v1 and holds what the
// HTML UI shares with it: the Service that loads articles, stories (with
// their comparison), entities and feeds from a store, the one table from
// domain errors to HTTP statuses, and the middleware every route runs
// through (security headers, body limits, metrics, error writing).
//
// Handlers return errors; Serve writes them once, as RFC 9457 problem
// details for API routes.
package httpapi
