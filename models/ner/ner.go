// Package ner embeds the trained NER model (perceptron weights and
// gazetteer) and the word clusters it reads. Both are produced by
// `make models` (internal/nlp/ner/cmd/nertrain) and decoded by
// internal/nlp/ner.
package ner

import _ "embed"

// Weights is the gzip-compressed model written by ner.Model.Encode.
//
//go:embed model.bin.gz
var Weights []byte

// Clusters is the gzip-compressed cluster table written by ner.EncodeClusters.
//
//go:embed clusters.txt.gz
var Clusters []byte
