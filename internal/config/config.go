// Package config parses Parallax's configuration once (flags over
// environment over defaults) into plain structs passed down explicitly.
package config

import "os"

// Config is the whole configuration of one parallax process.
type Config struct {
	// DB is the store location: a SQLite file path or a postgres:// URL.
	DB string
	// Queue is "" for the in-process queue or a nats:// URL.
	Queue string
	// Token, when set, is required by write endpoints of the HTTP API.
	Token string
	// LogLevel is debug, info, warn or error.
	LogLevel string
	// MaxInputBytes caps the size of one input file or page.
	MaxInputBytes int64
	// MaxArchiveBytes caps everything one compressed file or archive
	// (.gz, .tar, .zip, ...) expands to; each member is also held to
	// MaxInputBytes.
	MaxArchiveBytes int64
	// AllowPrivate lets the fetcher reach loopback and private addresses
	// (a feed on the local network); off by default as an SSRF guard.
	AllowPrivate bool
}

// Default returns the configuration before flags: defaults overridden by
// PARALLAX_* environment variables.
func Default() Config {
	c := Config{
		DB:              "parallax.db",
		LogLevel:        "info",
		MaxInputBytes:   10 << 20,
		MaxArchiveBytes: 4 << 30,
	}
	if v := os.Getenv("PARALLAX_DB"); v != "" {
		c.DB = v
	}
	if v := os.Getenv("PARALLAX_QUEUE"); v != "" {
		c.Queue = v
	}
	if v := os.Getenv("PARALLAX_LOG_LEVEL"); v != "" {
		c.LogLevel = v
	}
	c.Token = os.Getenv("PARALLAX_TOKEN")
	c.AllowPrivate = os.Getenv("PARALLAX_ALLOW_PRIVATE") == "1"
	return c
}
