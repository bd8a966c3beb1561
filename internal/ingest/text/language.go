package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// maxLanguageSample bounds the text given to the detector: a few hundred
// words tell the language as well as the whole article, far faster.
const maxLanguageSample = 2048

func languageSample(body string) string {
	if len(body) <= maxLanguageSample {
		return body
	}
	cut := maxLanguageSample
	for cut > 0 && !utf8.RuneStart(body[cut]) {
		cut--
	}
	return body[:cut]
}

// language names the body's language (ISO 639-1, else 639-3) when there is
// enough text to tell and the detector is confident; otherwise nil, with a
// warning saying why.
func (x *extraction) language(body string, minLetters int) *string {
	letters := 0
	for _, r := range body {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minLetters {
		x.warn("language: text too short to tell (%d letters)", letters)
		return nil
	}
	info := whatlanggo.Detect(languageSample(body))
	if !info.IsReliable() {
		x.warn("language: not reliable (%s, confidence %.2f)", info.Lang.Iso6393(), info.Confidence)
		return nil
	}
	code := info.Lang.Iso6391()
	if code == "" {
		code = info.Lang.Iso6393()
	}
	if code == "" {
		return nil
	}
	return &code
}
