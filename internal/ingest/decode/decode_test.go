package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/news"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestText(t *testing.T) {
	const article = "Shoigu’s “visit” to Kabul\r\nwas unexpected.\rIt lasted a day."
	const want = "Shoigu’s “visit” to Kabul\nwas unexpected.\nIt lasted a day."
	tests := []struct {
		name     string
		raw      []byte
		want     string
		warnings []string
	}{
		{"utf8", []byte(article), want, nil},
		{"utf8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, article...), want, nil},
		{"utf16le BOM", utf16Bytes(article, false, true), want, []string{"decoded as UTF-16LE"}},
		{"utf16be BOM", utf16Bytes(article, true, true), want, []string{"decoded as UTF-16BE"}},
		{"utf16le no BOM", utf16Bytes(article, false, false), want, []string{"decoded as UTF-16LE (no BOM)"}},
		{"utf16be no BOM", utf16Bytes(article, true, false), want, []string{"decoded as UTF-16BE (no BOM)"}},
		{
			"windows-1252",
			[]byte("Caf\xe9 \x93quoted\x94 \x96 na\xefve \x80 5"),
			"Café “quoted” – naïve € 5",
			[]string{"decoded as Windows-1252"},
		},
		{"latin-1", []byte("M\xfcnchen, Z\xfcrich"), "München, Zürich", []string{"decoded as Windows-1252"}},
		{
			"utf8 with one stray byte",
			[]byte("Zürich, Genève, Köln, São Paulo, Kraków \xff end"),
			"Zürich, Genève, Köln, São Paulo, Kraków \uFFFD end",
			[]string{"1 undecodable byte sequences replaced with U+FFFD"},
		},
		{
			"utf16le no BOM, Cyrillic",
			utf16Bytes("Шойгу прибыл в Кабул, 25 ноября.", false, false),
			"Шойгу прибыл в Кабул, 25 ноября.",
			[]string{"decoded as UTF-16LE (no BOM)"},
		},
		{
			"stray NUL in UTF-8",
			append([]byte("A long enough line of ordinary text, ended C-style."), 0),
			"A long enough line of ordinary text, ended C-style.",
			[]string{"removed 1 control characters"},
		},
		{"NFD to NFC", []byte("Cafe\u0301 Zu\u0308rich"), "Café Zürich", nil},
		{"compatibility characters kept", []byte("ﬁnal ‘quote’ — 1½"), "ﬁnal ‘quote’ — 1½", nil},
		{"form feed and stray control", []byte("page one\fpage two\x07"), "page one\npage two", []string{"removed 1 control characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := Text("in.txt", tt.raw, 0)
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if strings.Join(warnings, "|") != strings.Join(tt.warnings, "|") {
				t.Errorf("warnings = %q, want %q", warnings, tt.warnings)
			}
		})
	}
}

func TestTextRefuses(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		maxBytes int64
		sentinel error
		mention  string
	}{
		{"empty", nil, 0, news.ErrInvalidInput, "empty"},
		{"whitespace", []byte(" \n\t\r\n \u00a0\u200b"), 0, news.ErrInvalidInput, "empty"},
		{"BOM only", []byte{0xEF, 0xBB, 0xBF, '\n'}, 0, news.ErrInvalidInput, "empty"},
		{"too large", []byte("0123456789"), 5, news.ErrTooLarge, "exceeds"},
		{"pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), 0, news.ErrInvalidInput, "PDF"},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00"), 0, news.ErrInvalidInput, "ZIP"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0, news.ErrInvalidInput, "PNG"},
		{"gif", []byte("GIF89a\x01\x00\x01\x00"), 0, news.ErrInvalidInput, "GIF"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), 0, news.ErrInvalidInput, "JPEG"},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00"), 0, news.ErrInvalidInput, "gzip"},
		{"NUL bytes", []byte("abc\x00\x01\x02\x03def\x00\x00ghi\x00"), 0, news.ErrInvalidInput, "NUL"},
		{"control characters", []byte("a\x01b\x02c\x03d\x04e\x05f\x06g\x07h"), 0, news.ErrInvalidInput, "control"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Text("dump.txt", tt.raw, tt.maxBytes)
			if err == nil {
				t.Fatal("Text accepted the input")
			}
			if !errors.Is(err, tt.sentinel) {
				t.Errorf("error %v does not wrap %v", err, tt.sentinel)
			}
			if !strings.Contains(err.Error(), "dump.txt") || !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("error %q should name the input and say %q", err, tt.mention)
			}
		})
	}
}

func TestTextPlainBZh(t *testing.T) {
	got, _, err := Text("bzh.txt", []byte("BZh is how the story begins."), 0)
	if err != nil || got != "BZh is how the story begins." {
		t.Fatalf("Text = %q, %v", got, err)
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte("Hello, world.\r\n"))
	f.Add(utf16Bytes("Über “quotes”", false, true))
	f.Add(utf16Bytes("plain text here", true, false))
	f.Add([]byte("Caf\xe9 \x93x\x94"))
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00})
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, _, err := Text("fuzz", raw, 1<<20)
		if err != nil {
			if !errors.Is(err, news.ErrInvalidInput) && !errors.Is(err, news.ErrTooLarge) {
				t.Fatalf("error without sentinel: %v", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 out: %q", text)
		}
		if strings.ContainsRune(text, '\r') || strings.ContainsRune(text, 0) {
			t.Fatalf("CR or NUL left in %q", text)
		}
	})
}

func BenchmarkText(b *testing.B) {
	raw := []byte(strings.Repeat("Shoigu’s visit to Kabul was unexpected, officials said.\r\n", 200))
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := Text("bench", raw, 0); err != nil {
			b.Fatal(err)
		}
	}
}
