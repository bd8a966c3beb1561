// Package decode turns the raw bytes of a text input (a page dump, a feed
// item saved to disk, a pasted article) into clean UTF-8: it detects UTF-8,
// UTF-16 and Windows-1252, normalises to NFC and LF line ends, and refuses
// inputs that are empty, binary or too large. It is pure: bytes in, text out.
package decode

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"

	"github.com/parallax-news/parallax/internal/news"
)

// maxControlShare is the share of control characters (other than tab, LF,
// CR, FF and VT) above which decoded text is taken for a binary file.
// A handful of stray controls is repaired, not refused: minControls is the
// fewest that can make a file binary.
const (
	maxControlShare = 0.05
	minControls     = 4
)

// Text decodes raw into clean UTF-8 text. name identifies the input in
// errors and warnings. maxBytes > 0 caps the input size. Warnings report
// what was guessed or repaired (encoding, replaced bytes, removed controls).
// Errors wrap news.ErrTooLarge or news.ErrInvalidInput.
func Text(name string, raw []byte, maxBytes int64) (string, []string, error) {
	if maxBytes > 0 && int64(len(raw)) > maxBytes {
		return "", nil, fmt.Errorf("decode %s: %d bytes exceeds the limit of %d: %w", name, len(raw), maxBytes, news.ErrTooLarge)
	}
	if kind := magicKind(raw); kind != "" {
		return "", nil, fmt.Errorf("decode %s: binary file (%s), not text: %w", name, kind, news.ErrInvalidInput)
	}
	var warnings []string
	text, enc, err := toUTF8(raw)
	if err != nil {
		return "", nil, fmt.Errorf("decode %s: %w", name, err)
	}
	if enc != "" {
		warnings = append(warnings, "decoded as "+enc)
	}
	if count, share := controlShare(text); count >= minControls && share > maxControlShare {
		return "", nil, fmt.Errorf("decode %s: binary file (%.0f%% control characters): %w", name, share*100, news.ErrInvalidInput)
	}
	text = normaliseLineEnds(text)
	text, removed := stripControls(text)
	if removed > 0 {
		warnings = append(warnings, fmt.Sprintf("removed %d control characters", removed))
	}
	if n := strings.Count(text, "\uFFFD"); n > 0 {
		warnings = append(warnings, fmt.Sprintf("%d undecodable byte sequences replaced with U+FFFD", n))
	}
	// NFC composes accents without touching compatibility characters, so
	// typographic quotes, dashes and ligatures survive as written.
	text = norm.NFC.String(text)
	if isBlank(text) {
		return "", nil, fmt.Errorf("decode %s: empty or whitespace-only input: %w", name, news.ErrInvalidInput)
	}
	return text, warnings, nil
}

// toUTF8 picks the encoding from BOMs, NUL patterns and UTF-8 validity and
// returns the decoded text with the name of a non-UTF-8 encoding it used.
func toUTF8(raw []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return toValid(raw[3:]), "", nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), raw[2:]), "UTF-16LE", nil
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), raw[2:]), "UTF-16BE", nil
	}
	if nuls := bytes.Count(raw, []byte{0}); nuls > 0 {
		switch utf16Order(raw) {
		case "LE":
			return decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), raw), "UTF-16LE (no BOM)", nil
		case "BE":
			return decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), raw), "UTF-16BE (no BOM)", nil
		}
		// A stray NUL or two (a C string terminator) in a text file is
		// repaired later with the other control characters.
		if nuls > 2 && nuls*100 >= len(raw) {
			return "", "", fmt.Errorf("binary file (NUL bytes): %w", news.ErrInvalidInput)
		}
	}
	if utf8.Valid(raw) {
		return string(raw), "", nil
	}
	if mostlyUTF8(raw) {
		return toValid(raw), "", nil
	}
	// Windows-1252 is a superset of Latin-1's printable range and is what
	// "Latin-1" files usually really are.
	return decodeWith(charmap.Windows1252, raw), "Windows-1252", nil
}

// utf16Order detects BOM-less UTF-16 from where the NUL bytes fall: text in
// Latin scripts has a NUL in the high byte of nearly every code unit, other
// scripts still at every space, digit and punctuation mark, and always on
// the same side of the pair.
func utf16Order(raw []byte) string {
	if len(raw) < 4 {
		return ""
	}
	var evenNUL, oddNUL int
	for i, b := range raw {
		if b != 0 {
			continue
		}
		if i%2 == 0 {
			evenNUL++
		} else {
			oddNUL++
		}
	}
	units := len(raw) / 2
	switch {
	case oddNUL*10 >= units && evenNUL*20 <= oddNUL:
		return "LE"
	case evenNUL*10 >= units && oddNUL*20 <= evenNUL:
		return "BE"
	}
	return ""
}

// mostlyUTF8 reports whether invalid bytes are rare slips in a file that
// otherwise holds real multi-byte UTF-8, so that replacing them is better
// than re-reading the whole file as Windows-1252.
func mostlyUTF8(raw []byte) bool {
	var multi, invalid int
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			multi++
		}
		i += size
	}
	return multi >= 4*invalid
}

func toValid(b []byte) string { return strings.ToValidUTF8(string(b), "\uFFFD") }

func decodeWith(enc encoding.Encoding, raw []byte) string {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		// x/text decoders replace bad input rather than fail; keep the
		// guarantee of valid UTF-8 even if that ever changes.
		return toValid(raw)
	}
	return toValid(out)
}

func normaliseLineEnds(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// stripControls removes C0/C1 control characters other than tab and LF;
// form feeds and vertical tabs become line breaks.
func stripControls(s string) (string, int) {
	removed := 0
	out := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029':
			return '\n'
		case r == '\uFEFF':
			removed++
			return -1
		case unicode.IsControl(r):
			removed++
			return -1
		}
		return r
	}, s)
	return out, removed
}

func controlShare(s string) (int, float64) {
	var total, control int
	for _, r := range s {
		total++
		if unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\f\v", r) {
			control++
		}
	}
	if total == 0 {
		return 0, 0
	}
	return control, float64(control) / float64(total)
}

func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && r != '\u200B' && r != '\u200C' && r != '\u200D' && r != '\u2060'
	}) < 0
}
