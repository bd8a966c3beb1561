// Package news holds Parallax's domain model: documents, articles, their
// annotations, stories and feeds, plus the sentinel errors every layer maps
// to statuses. It depends on the standard library only, so every other
// package can import it without pulling anything else in.
package news
