package reader

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/news"
)

func TestEventDate(t *testing.T) {
	pub := &news.Timestamp{Time: time.Date(2016, 9, 28, 0, 0, 0, 0, time.UTC), DateOnly: true}
	sentences := []news.Span{{Start: 0, End: 10}, {Start: 11, End: 20}, {Start: 21, End: 30}, {Start: 31, End: 40}}
	tests := []struct {
		name      string
		timexes   []news.Timex
		published *news.Timestamp
		want      string
	}{
		{"recent date in lead", []news.Timex{{Start: 2, Type: "DATE", Value: "2016-09-26"}}, pub, "2016-09-26"},
		{"background date skipped", []news.Timex{{Start: 2, Type: "DATE", Value: "2001-09-11"}}, pub, "2016-09-28"},
		{"future date skipped", []news.Timex{{Start: 2, Type: "DATE", Value: "2016-10-02"}}, pub, "2016-09-28"},
		{"date after lead ignored", []news.Timex{{Start: 35, Type: "DATE", Value: "2016-09-27"}}, pub, "2016-09-28"},
		{"month precision ignored", []news.Timex{{Start: 2, Type: "DATE", Value: "2016-09"}}, pub, "2016-09-28"},
		{"no publication date", []news.Timex{{Start: 2, Type: "DATE", Value: "2024-11-26"}}, nil, "2024-11-26"},
		{"nothing known", nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EventDate("0123456789012345678901234567890123456789", sentences, tt.timexes, tt.published); got != tt.want {
				t.Errorf("EventDate = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReadSeedsResolveMonday(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "On Monday, Sergei Shoigu, Secretary of Russia’s National Security Council, made an unexpected visit to Kabul.\n\n“We are ready,” Shoigu said."
	pub := &news.Timestamp{Time: time.Date(2024, 11, 27, 0, 0, 0, 0, time.UTC), DateOnly: true}
	ann := r.Read(news.Article{Text: text, PublishedAt: pub})
	if ann.EventDate != "2024-11-25" {
		t.Errorf("event date = %q, want 2024-11-25", ann.EventDate)
	}
	var shoigu *news.Entity
	for i := range ann.Entities {
		if ann.Entities[i].Name == "Sergei Shoigu" {
			shoigu = &ann.Entities[i]
		}
	}
	if shoigu == nil {
		t.Fatalf("no Sergei Shoigu entity in %+v", ann.Entities)
	}
	if len(shoigu.Mentions) < 2 || len(shoigu.Roles) == 0 {
		t.Errorf("Shoigu mentions %v roles %v", shoigu.Mentions, shoigu.Roles)
	}
	if len(ann.Quotes) != 1 || ann.Quotes[0].Speaker == nil || ann.Quotes[0].Speaker.EntityID != shoigu.ID {
		t.Errorf("quotes = %+v", ann.Quotes)
	}
	for _, s := range ann.Sentences {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Errorf("bad sentence span %v", s)
		}
	}
}

// Speakers of US political coverage: party-and-state tags after a
// legislator's name are neither entities nor speakers, "X of <place>" is
// headed by X, and a noun use of a cue word ("a high regard") is no cue.
func TestReadSpeakers(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Senate overrides veto\n\n" +
		`"This bill is about respecting the voices of victims," Sen. John Cornyn, R-Texas, said. ` +
		`"I urge my colleagues to reverse this veto," Sen. Richard Blumenthal (D-Conn.) said ahead of the vote. ` +
		`"It is appalling," Sen. Lindsey Graham, R-S.C., said Tuesday.` + "\n\n" +
		"Representative Nancy Pelosi of California, who is in line to be elected speaker, said: “We are asking the president to open up government.”\n\n" +
		"Representative Mikie Sherrill, Democrat of New Jersey, said on Wednesday that she had asked for her pay to be withheld.\n\n" +
		"Gov. Chris Christie declared his candidacy with swagger and a high regard for his own candor, vowing that “there is one thing you will know for sure.”\n"
	ann := r.Read(news.Article{Text: text})
	for _, e := range ann.Entities {
		if strings.Contains(e.Name, "-") || strings.HasSuffix(e.Name, ".") || strings.HasPrefix(e.Name, "Democrat") {
			t.Errorf("entity %q (%s) from a party tag", e.Name, e.Type)
		}
	}
	want := map[string]string{
		"This bill is about respecting the voices of victims,": "John Cornyn",
		"I urge my colleagues to reverse this veto,":           "Richard Blumenthal",
		"It is appalling,": "Lindsey Graham",
		"We are asking the president to open up government.": "Nancy Pelosi",
		"she had asked for her pay to be withheld":           "Mikie Sherrill",
		"there is one thing you will know for sure.":         "Chris Christie",
	}
	for _, q := range ann.Quotes {
		got := text[q.Start:q.End]
		speaker, ok := want[got]
		if !ok {
			continue // other contents ("his candidacy ...") are not the point here
		}
		if q.Speaker == nil || q.Speaker.Name != speaker {
			t.Errorf("quote %q: speaker %+v, want %s", got, q.Speaker, speaker)
		}
		delete(want, got)
	}
	for content := range want {
		t.Errorf("missed quote %q", content)
	}
}

// The English models read English: an article in another language keeps
// its sentences and says why nothing else was read; a page that declares
// another language but is written in English is read.
func TestReadLanguages(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	de := "Die Klimaaktivisten der Gruppe Extinction Rebellion wollten damit vor zwei Wochen die Verbindung zwischen der Wall Street " +
		"und jenen Energieunternehmen sichtbar machen. „Wir geben nicht auf“, sagte eine Sprecherin der Gruppe am Montag in New York."
	en := "The climate activists of Extinction Rebellion wanted to show the link between Wall Street and energy companies. " +
		"“We will not give up,” a spokeswoman for the group said on Monday in New York."
	for _, tt := range []struct {
		name, text, lang string
		read             bool
	}{
		{"German", de, "de", false},
		{"English", en, "en", true},
		{"English declared German", en, "de", true},
		{"no language", en, "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := news.Article{Text: tt.text}
			if tt.lang != "" {
				a.Language = news.Str(tt.lang)
			}
			ann := r.Read(a)
			if len(ann.Sentences) != 2 {
				t.Errorf("%d sentences, want 2", len(ann.Sentences))
			}
			if got := len(ann.Quotes) > 0 && len(ann.Entities) > 0; got != tt.read {
				t.Errorf("read = %v (quotes %d, entities %d), want %v", got, len(ann.Quotes), len(ann.Entities), tt.read)
			}
			if (ann.NotRead == "") != tt.read {
				t.Errorf("NotRead = %q", ann.NotRead)
			}
		})
	}
}
