package app

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/news"
)

// inputFlags are the input options of the commands that read inputs
// (extract, read, compare, ingest).
type inputFlags struct {
	urlLists []string
}

// register adds --urls to cmd and accepts it in place of arguments.
func (f *inputFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&f.urlLists, "urls", nil,
		"also read the URLs listed in FILE: one per line, or a CSV/TSV export with a url column (Media Cloud, GDELT); - reads stdin; repeatable")
	cmd.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 && len(f.urlLists) == 0 {
			return fmt.Errorf("%s: give at least one FILE, DIR or URL, or --urls FILE: %w", cmd.Name(), news.ErrInvalidInput)
		}
		return nil
	}
}

// sources expands the arguments and the URL lists into inputs; what names
// nothing usable comes back as errors so the rest proceeds.
func (e *env) sources(args []string, f *inputFlags) ([]source, []error) {
	out, errs := expandSources(args)
	if f == nil {
		return out, errs
	}
	for _, list := range f.urlLists {
		var r io.Reader = e.stdin
		if list != "-" {
			file, err := os.Open(list)
			if err != nil {
				errs = append(errs, fmt.Errorf("--urls %s: %w: %w", list, err, news.ErrInvalidInput))
				continue
			}
			defer file.Close()
			r = file
		}
		urls, bad, err := readURLList(r, e.cfg.MaxInputBytes)
		if err != nil {
			errs = append(errs, fmt.Errorf("--urls %s: %w", list, err))
			continue
		}
		for _, b := range bad {
			errs = append(errs, fmt.Errorf("--urls %s: %s: %w", list, b, news.ErrInvalidInput))
		}
		for _, u := range urls {
			out = append(out, source{name: u, isURL: true})
		}
	}
	return out, errs
}

// urlColumns name the URL column of the exports researchers bring:
// Media Cloud ("url"), GDELT events ("SOURCEURL"), GDELT GKG
// ("DocumentIdentifier"), and generic "link" / "href".
var urlColumns = []string{"url", "sourceurl", "documentidentifier", "link", "href", "article_url", "story_url"}

// readURLList reads a list of URLs: a CSV or TSV with a header naming a
// URL column, else one URL per line ("#" comments and blank lines skipped).
// Lines that hold no http(s) URL are returned in bad ("line 3: ..."),
// duplicates once. Lists past maxBytes are refused.
func readURLList(r io.Reader, maxBytes int64) (urls, bad []string, err error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(raw)) > maxBytes {
		return nil, nil, fmt.Errorf("larger than the %d-byte limit: %w", maxBytes, news.ErrTooLarge)
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	seen := map[string]bool{}
	add := func(line int, u string) {
		u = strings.TrimSpace(u)
		switch {
		case u == "":
		case !isURL(u) || strings.ContainsAny(u, " \t"):
			bad = append(bad, fmt.Sprintf("line %d: %q is not an http(s) URL", line, clip(u, 80)))
		case !seen[u]:
			seen[u] = true
			urls = append(urls, u)
		}
	}
	first, _, _ := bytes.Cut(raw, []byte("\n"))
	for _, sep := range []rune{'\t', ','} {
		if !bytes.ContainsRune(first, sep) {
			continue
		}
		cr := csv.NewReader(bytes.NewReader(raw))
		cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = sep, -1, true
		header, err := cr.Read()
		if err != nil {
			break
		}
		col := slices.IndexFunc(header, func(h string) bool {
			return slices.Contains(urlColumns, strings.ToLower(strings.TrimSpace(h)))
		})
		if col < 0 {
			continue
		}
		for line := 2; ; line++ {
			rec, err := cr.Read()
			if err == io.EOF {
				return urls, bad, nil
			}
			if err != nil {
				return urls, bad, fmt.Errorf("line %d: %w: %w", line, err, news.ErrInvalidInput)
			}
			if col < len(rec) {
				add(line, rec[col])
			}
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimSpace(sc.Text())
		if line == 1 && slices.Contains(urlColumns, strings.ToLower(t)) {
			continue // a one-column export's header
		}
		if !strings.HasPrefix(t, "#") {
			add(line, t)
		}
	}
	return urls, bad, sc.Err()
}
