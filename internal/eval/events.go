package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

// EventMetrics scores who-did-what-to-whom coding on gold event records
// (the PLOVER gold-standard format): one coded sentence a record.
//
// The system's event for a record is the first it codes in the sentence.
// Category precision is over records where it codes one, recall over all
// records; QuadClass scores the same on the four CAMEO quad classes (verbal
// and material cooperation and conflict). SourceAccuracy and
// TargetAccuracy are over records whose category is right and whose gold
// has that actor: the predicted actor's text or name contains a gold
// actorText or is contained in it (case-insensitive).
type EventMetrics struct {
	Records        int            `json:"records"`
	Coded          int            `json:"coded"`
	Category       PRF            `json:"category"`
	QuadClass      PRF            `json:"quad_class"`
	PerCategory    map[string]PRF `json:"per_category"`
	SourceAccuracy float64        `json:"source_accuracy"`
	TargetAccuracy float64        `json:"target_accuracy"`
	Sources        int            `json:"sources_scored"`
	Targets        int            `json:"targets_scored"`
	DocsPerSecond  float64        `json:"docs_per_second"`
}

// EventRecord is one gold record: a sentence, its PLOVER category and the
// source and target actors' texts.
type EventRecord struct {
	ID      string
	Text    string
	Event   string
	Sources []string
	Targets []string
}

// LoadEventRecords reads a PLOVER gold-standard file: a JSON array of
// records {id, event, text, source, target}, where an actor list is an
// array of {actorText} objects, a bare string or absent. Records without a
// text or an event (the DOCUMENT header) are skipped.
func LoadEventRecords(path string) ([]EventRecord, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var recs []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &recs); err != nil {
		return nil, fmt.Errorf("%s: want a JSON array of event records: %w", path, news.ErrInvalidInput)
	}
	var out []EventRecord
	for i, r := range recs {
		var rec EventRecord
		_ = json.Unmarshal(r["id"], &rec.ID)
		if json.Unmarshal(r["text"], &rec.Text) != nil || json.Unmarshal(r["event"], &rec.Event) != nil ||
			rec.Text == "" || rec.Event == "" {
			continue
		}
		if rec.Sources, err = actorTexts(r["source"]); err != nil {
			return nil, fmt.Errorf("%s: record %d (%s) source: %w", path, i, rec.ID, err)
		}
		if rec.Targets, err = actorTexts(r["target"]); err != nil {
			return nil, fmt.Errorf("%s: record %d (%s) target: %w", path, i, rec.ID, err)
		}
		out = append(out, rec)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no event records: %w", path, news.ErrNotFound)
	}
	return out, nil
}

func actorTexts(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "" {
			return nil, nil
		}
		return []string{s}, nil
	}
	var list []struct {
		ActorText string `json:"actorText"`
	}
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, fmt.Errorf("want a string or a list of {actorText}: %w", news.ErrInvalidInput)
	}
	var out []string
	for _, a := range list {
		if a.ActorText != "" {
			out = append(out, a.ActorText)
		}
	}
	return out, nil
}

// quadClass maps a PLOVER category to its CAMEO quad class.
var quadClass = map[string]string{
	"AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
	"COOPERATE": "material cooperation", "AID": "material cooperation", "CONCEDE": "material cooperation", "RETREAT": "material cooperation",
	"INVESTIGATE": "verbal conflict", "DEMAND": "verbal conflict", "DISAPPROVE": "verbal conflict", "REJECT": "verbal conflict", "THREATEN": "verbal conflict",
	"PROTEST": "material conflict", "MOBILIZE": "material conflict", "SANCTION": "material conflict", "COERCE": "material conflict",
	"ASSAULT": "material conflict", "FIGHT": "material conflict",
}

// EventOptions configures EvalEvents.
type EventOptions struct {
	// Errors, when set, receives one line per record coded wrongly or not
	// at all: id, gold and predicted category, cue and the sentence.
	Errors io.Writer
}

// EvalEvents reads each record's sentence as an article (published on the
// records' nominal date) and scores the events the reader codes.
func EvalEvents(path string, r Reader, opts EventOptions) (EventMetrics, error) {
	recs, err := LoadEventRecords(path)
	if err != nil {
		return EventMetrics{}, err
	}
	pub := news.Timestamp{Time: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), DateOnly: true}
	m := EventMetrics{Records: len(recs), PerCategory: map[string]PRF{}}
	type counts struct{ tp, fp, fn int }
	per := map[string]*counts{}
	at := func(c string) *counts {
		if per[c] == nil {
			per[c] = &counts{}
		}
		return per[c]
	}
	var right, quadRight, srcOK, tgtOK int
	began := time.Now()
	for _, rec := range recs {
		ann := r.Read(news.Article{Text: rec.Text, PublishedAt: &pub})
		if len(ann.Events) == 0 {
			at(rec.Event).fn++
			if opts.Errors != nil {
				fmt.Fprintf(opts.Errors, "%s\tgold %s\tgot -\t\t%s\n", rec.ID, rec.Event, rec.Text)
			}
			continue
		}
		ev := ann.Events[0]
		m.Coded++
		if quadClass[ev.Action] == quadClass[rec.Event] && quadClass[ev.Action] != "" {
			quadRight++
		}
		if ev.Action != rec.Event {
			if opts.Errors != nil {
				fmt.Fprintf(opts.Errors, "%s\tgold %s\tgot %s\t%q\t%s\n", rec.ID, rec.Event, ev.Action, ev.Cue, rec.Text)
			}
			at(ev.Action).fp++
			at(rec.Event).fn++
			continue
		}
		right++
		at(rec.Event).tp++
		if len(rec.Sources) > 0 {
			m.Sources++
			if actorMatches(rec.Text, ev.Actor, ev.ActorSpan, rec.Sources) {
				srcOK++
			}
		}
		if len(rec.Targets) > 0 {
			m.Targets++
			if actorMatches(rec.Text, ev.Target, ev.TargetSpan, rec.Targets) {
				tgtOK++
			}
		}
	}
	m.Category = NewPRF(right, m.Coded-right, len(recs)-right)
	m.QuadClass = NewPRF(quadRight, m.Coded-quadRight, len(recs)-quadRight)
	for c, n := range per {
		m.PerCategory[c] = NewPRF(n.tp, n.fp, n.fn)
	}
	if m.Sources > 0 {
		m.SourceAccuracy = float64(srcOK) / float64(m.Sources)
	}
	if m.Targets > 0 {
		m.TargetAccuracy = float64(tgtOK) / float64(m.Targets)
	}
	if s := time.Since(began).Seconds(); s > 0 {
		m.DocsPerSecond = float64(len(recs)) / s
	}
	return m, nil
}

// actorMatches compares a predicted actor (its text in the sentence and its
// canonical name) with the gold actor texts.
func actorMatches(text, name string, span *news.Span, gold []string) bool {
	var got []string
	if span != nil && span.Start >= 0 && span.End <= len(text) && span.Start < span.End {
		got = append(got, text[span.Start:span.End])
	}
	if name != "" {
		got = append(got, name)
	}
	for _, g := range gold {
		g = strings.ToLower(strings.Join(strings.Fields(g), " "))
		for _, p := range got {
			p = strings.ToLower(strings.Join(strings.Fields(p), " "))
			if p != "" && g != "" && (strings.Contains(p, g) || strings.Contains(g, p)) {
				return true
			}
		}
	}
	return false
}
