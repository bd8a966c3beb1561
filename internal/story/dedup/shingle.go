package dedup

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// fingerprint is what the index keeps of a document's text.
type fingerprint struct {
	exact    uint64   // hash of the normalised word sequence
	shingles []uint64 // sorted, unique sampled shingle hashes
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix is the splitmix64 finalizer: it spreads the bits so that sampling by
// modulus is unbiased.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// wordHashes hashes the lower-cased words (runs of letters and digits) of
// text. Punctuation, case and spacing do not change the result, so the
// same story re-typeset by another outlet hashes the same.
func wordHashes(text string, buf []uint64) []uint64 {
	words := buf[:0]
	h := uint64(fnvOffset)
	inWord := false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) ||
			'A' <= r && r <= 'Z' {
			r = unicode.ToLower(r)
			for ; r > 0; r >>= 8 {
				h = (h ^ uint64(r&0xff)) * fnvPrime
			}
			inWord = true
			continue
		}
		if inWord {
			words = append(words, h)
			h, inWord = fnvOffset, false
		}
	}
	if inWord {
		words = append(words, h)
	}
	return words
}

// makeFingerprint computes the exact hash and the sampled shingles of text.
func makeFingerprint(text string, shingleSize, sampleRate int) fingerprint {
	words := wordHashes(text, nil)
	var fp fingerprint
	exact := uint64(fnvOffset)
	for _, w := range words {
		exact = (exact ^ w) * fnvPrime
	}
	fp.exact = mix(exact)
	if len(words) < shingleSize {
		return fp
	}
	rate := uint64(sampleRate)
	for i := 0; i+shingleSize <= len(words); i++ {
		h := uint64(fnvOffset)
		for _, w := range words[i : i+shingleSize] {
			h = (h ^ w) * fnvPrime
		}
		h = mix(h)
		if h%rate == 0 {
			fp.shingles = append(fp.shingles, h)
		}
	}
	slices.Sort(fp.shingles)
	fp.shingles = slices.Compact(fp.shingles)
	return fp
}
