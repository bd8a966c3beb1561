package app

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/ingest/archive"
	"github.com/parallax-news/parallax/internal/ingest/decode"
	"github.com/parallax-news/parallax/internal/ingest/text"
	"github.com/parallax-news/parallax/internal/news"
)

// newEvalTextCmd scores the plain-text cleaner on headline-first text
// files (the BBC News corpus: headline, blank line, body paragraphs): once
// on the clean files and once with page furniture wrapped around them.
func newEvalTextCmd(e *env) *cobra.Command {
	var (
		data   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "text",
		Short: "Score the plain-text cleaner on headline-first articles (BBC News)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval text: --data is required: %w", news.ErrInvalidInput)
			}
			files, err := readTextCorpus(data)
			if err != nil {
				return fmt.Errorf("eval text: %w", err)
			}
			return printMetrics(e, asJSON, scoreTextCleaner(files))
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "bbc.tar.gz or a directory of .txt articles")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

type textCleanScore struct {
	TitleAccuracy float64  `json:"title_accuracy"`
	Paragraphs    eval.PRF `json:"paragraphs"`
}

// noisyScore adds what only the furniture can test: recovered metadata and
// furniture paragraphs left in the text.
type noisyScore struct {
	textCleanScore
	BylineAccuracy    float64 `json:"byline_accuracy"`
	PublishedAccuracy float64 `json:"published_accuracy"`
	UpdatedAccuracy   float64 `json:"updated_accuracy"`
	FurnitureLeaked   int     `json:"furniture_paragraphs_leaked"`
}

type textCleanMetrics struct {
	Files int            `json:"files"`
	Clean textCleanScore `json:"clean"`
	// Noisy wraps each article in stamps, logo and menu lines, a byline
	// with a date, a stray "None", a repeated lead, an advertisement, share
	// prompts, a related list and a copyright line.
	Noisy noisyScore `json:"noisy"`
}

// Furniture wrapped around each article for the noisy run. The byline and
// dates are what the cleaner must recover.
const (
	noisyByline    = "Staff Reporter"
	noisyPublished = "2005-03-01"
	noisyUpdated   = "2005-03-02T14:05:00Z"
)

var noisyFurniture = []string{
	"Last updated: 2 March 2005 14:05 GMT", "Site logo", "Home | News | Business | Sport",
	"By Staff Reporter March 1, 2005", "None", "Advertisement", "Share this article",
	"Related articles", "Markets close higher on Friday", "Five things to know this week",
	"© 2005 Example News. All rights reserved.",
}

func noisyVersion(headline string, body []string) string {
	f := noisyFurniture
	lines := []string{f[0], f[1], f[2], headline, f[3], f[4], body[0]}
	for i, p := range body {
		lines = append(lines, p)
		if i == 1 {
			lines = append(lines, f[5])
		}
	}
	lines = append(lines, f[6:]...)
	return strings.Join(lines, "\n\n") + "\n"
}

func scoreTextCleaner(files map[string][]byte) textCleanMetrics {
	m := textCleanMetrics{Files: len(files)}
	var clean, noisy textTally
	for name, raw := range files {
		// The gold text is the decoded file, so that a Latin-1 "£" counts
		// as the same paragraph after decoding.
		decoded, _, err := decode.Text(name, raw, 0)
		if err != nil {
			m.Files--
			continue
		}
		headline, body := splitHeadline(decoded)
		if headline == "" || len(body) == 0 {
			m.Files--
			continue
		}
		art, err := text.ExtractBytes(name, raw, text.Options{})
		if err != nil {
			clean.failed(len(body))
		} else {
			clean.add(art, headline, body)
		}
		art, err = text.ExtractBytes(name, []byte(noisyVersion(headline, body)), text.Options{})
		if err != nil {
			noisy.failed(len(body))
			continue
		}
		noisy.add(art, headline, body)
		noisy.byline += boolInt(news.Deref(art.Byline) == noisyByline)
		noisy.published += boolInt(art.PublishedAt != nil && art.PublishedAt.String() == noisyPublished)
		noisy.updated += boolInt(art.UpdatedAt != nil && art.UpdatedAt.String() == noisyUpdated)
		for _, p := range strings.Split(art.Text, "\n\n") {
			noisy.leaked += boolInt(slices.Contains(noisyFurniture, p))
		}
	}
	m.Clean = clean.score(m.Files)
	m.Noisy = noisyScore{
		textCleanScore:    noisy.score(m.Files),
		BylineAccuracy:    textRatio(noisy.byline, m.Files),
		PublishedAccuracy: textRatio(noisy.published, m.Files),
		UpdatedAccuracy:   textRatio(noisy.updated, m.Files),
		FurnitureLeaked:   noisy.leaked,
	}
	return m
}

type textTally struct {
	titles, tp, fp, fn                 int
	byline, published, updated, leaked int
}

func (t *textTally) failed(goldParagraphs int) { t.fn += goldParagraphs }

// add counts paragraphs as a multiset match on whitespace-collapsed text.
func (t *textTally) add(art news.Article, headline string, body []string) {
	t.titles += boolInt(news.Deref(art.Title) == headline)
	want := map[string]int{}
	for _, p := range body {
		want[strings.Join(strings.Fields(p), " ")]++
	}
	for _, p := range strings.Split(art.Text, "\n\n") {
		if p == "" {
			continue
		}
		key := strings.Join(strings.Fields(p), " ")
		if want[key] > 0 {
			want[key]--
			t.tp++
		} else {
			t.fp++
		}
	}
	for _, n := range want {
		t.fn += n
	}
}

func (t *textTally) score(files int) textCleanScore {
	return textCleanScore{TitleAccuracy: textRatio(t.titles, files), Paragraphs: eval.NewPRF(t.tp, t.fp, t.fn)}
}

func textRatio(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// splitHeadline reads the corpus format: the first line is the headline,
// every later non-empty line a body paragraph.
func splitHeadline(s string) (string, []string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	headline := strings.TrimSpace(lines[0])
	var body []string
	for _, l := range lines[1:] {
		if l = strings.TrimSpace(l); l != "" {
			body = append(body, l)
		}
	}
	return headline, body
}

// readTextCorpus loads every .txt file from a directory tree or a .tar.gz.
func readTextCorpus(path string) (map[string][]byte, error) {
	files := map[string][]byte{}
	if strings.HasSuffix(path, ".tar.gz") || strings.HasSuffix(path, ".tgz") {
		err := archive.ReadFiles(path, archive.Limits{}, func(name string, raw []byte) error {
			if strings.HasSuffix(name, ".txt") && !strings.Contains(name, "README") {
				files[strings.TrimPrefix(name, path+"/")] = raw
			}
			return nil
		})
		return files, err
	}
	err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") || strings.Contains(d.Name(), "README") {
			return err
		}
		b, err := os.ReadFile(p)
		files[p] = b
		return err
	})
	return files, err
}
