// Package quote embeds the trained attribution-span tagger (perceptron
// weights) produced by `make models` (internal/nlp/quote/cmd/quotetrain)
// and decoded by internal/nlp/quote/tagger.
package quote

import _ "embed"

// Tagger is the gzip-compressed model written by tagger.Model.Encode.
//
//go:embed tagger.bin.gz
var Tagger []byte
