// Package reader composes the pure NLP stages into the read stage: sentences,
// named entities, entity resolution, roles, temporal expressions, quotes and
// citations, and the article's event date. It holds only the loaded NER
// model, so one Reader serves any number of goroutines.
package reader

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/nlp/events"
	"github.com/parallax-news/parallax/internal/nlp/ner"
	"github.com/parallax-news/parallax/internal/nlp/quote"
	"github.com/parallax-news/parallax/internal/nlp/resolve"
	"github.com/parallax-news/parallax/internal/nlp/roles"
	"github.com/parallax-news/parallax/internal/nlp/timex"
	"github.com/parallax-news/parallax/internal/nlp/tokenize"
)

// Reader runs the read stage.
type Reader struct {
	tagger *ner.Tagger
}

// New loads the embedded NER model.
func New() (*Reader, error) {
	t, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	return &Reader{tagger: t}, nil
}

// Read derives the annotations of an article. It never fails: a stage that
// finds nothing contributes nothing.
//
// The models and rules read English. An article in another language (its
// language says so and the text does not read as English) gets its
// sentences and event date only: English entity, quote and date readers
// turn German nouns into people and Spanish words into cues.
func (r *Reader) Read(a news.Article) news.Annotations {
	text := a.Text
	sentences := tokenize.Sentences(text)
	if !English(a) {
		return news.Annotations{
			Sentences: sentences, Entities: []news.Entity{}, Timexes: []news.Timex{}, Quotes: []news.Quote{},
			Citations: []news.Citation{}, Events: []news.Event{},
			EventDate: EventDate(text, sentences, nil, a.PublishedAt),
			NotRead:   fmt.Sprintf("entities, roles, quotes, dates and events: the reader reads English and this article is in %q", news.Deref(a.Language)),
		}
	}
	spans := r.tagger.Entities(text, sentences)
	names := make([]resolve.Name, len(spans))
	for i, s := range spans {
		names[i] = resolve.Name{Start: s.Start, End: s.End, Type: s.Type}
	}
	entities := roles.Attach(text, sentences, resolve.Resolve(text, sentences, names))
	_, timexes := timex.FindFor(text, a.PublishedAt)
	quotes := quote.Find(text, sentences, entities)
	ann := news.Annotations{
		Sentences: sentences,
		Entities:  entities,
		Timexes:   timexes,
		Quotes:    quotes.Quotes,
		Citations: quotes.Citations,
		EventDate: EventDate(text, sentences, timexes, a.PublishedAt),
	}
	ann.Events = events.Code(text, ann)
	return ann
}

// English reports whether the reader's English models apply to a: its
// language is English or unknown, or the text itself reliably reads as
// English whatever the page declared.
func English(a news.Article) bool {
	lang := strings.ToLower(news.Deref(a.Language))
	if lang == "" || lang == "en" || lang == "eng" {
		return true
	}
	sample := a.Text[:min(len(a.Text), 4000)]
	for len(sample) > 0 && !utf8.ValidString(sample) {
		sample = sample[:len(sample)-1]
	}
	info := whatlanggo.Detect(sample)
	return info.IsReliable() && info.Lang == whatlanggo.Eng
}

var dayValue = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// recentDays is how far before publication a date in the lead may lie and
// still be the reported event rather than background ("the Sept. 11
// attacks" in a 2016 article).
const recentDays = 7

// EventDate picks the day the article's main event happened: the first
// day-precise date in the lead (first three sentences) within a week before
// the publication day; else the publication day. Without a publication
// date, the first day-precise date of the lead, else "".
func EventDate(text string, sentences []news.Span, timexes []news.Timex, published *news.Timestamp) string {
	leadEnd := len(text)
	if len(sentences) > 3 {
		leadEnd = sentences[2].End
	}
	pubDay, earliest := "", ""
	if published != nil {
		pubDay = published.Day()
		earliest = published.Time.AddDate(0, 0, -recentDays).Format(time.DateOnly)
	}
	for _, t := range timexes {
		if t.Start >= leadEnd {
			break
		}
		if t.Type != "DATE" || !dayValue.MatchString(t.Value) {
			continue
		}
		if pubDay == "" || (t.Value <= pubDay && t.Value >= earliest) {
			return t.Value
		}
	}
	return pubDay
}
