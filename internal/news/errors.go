package news

import "errors"

// Sentinel errors. Wrap them with context (fmt.Errorf("...: %w", ErrX));
// internal/app maps them to CLI exit codes and HTTP statuses in one table.
var (
	ErrNotFound     = errors.New("not found")
	ErrInvalidInput = errors.New("invalid input")
	ErrConflict     = errors.New("conflict")
	ErrUnauthorized = errors.New("unauthorized")
	ErrTooLarge     = errors.New("too large")
	ErrUnavailable  = errors.New("unavailable")
)
