package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/ingest/archive"
	"github.com/parallax-news/parallax/internal/ingest/fetch"
	"github.com/parallax-news/parallax/internal/news"
	"github.com/parallax-news/parallax/internal/pipeline"
)

// source is one named input before it is read: a file path or a URL.
type source struct {
	name  string
	isURL bool
}

// expandSources turns arguments into inputs: directories are walked (sorted,
// hidden files skipped), URLs kept as they are. Arguments that name nothing
// are returned as errors so the rest of the batch proceeds.
func expandSources(args []string) ([]source, []error) {
	var out []source
	var errs []error
	for _, arg := range args {
		if isURL(arg) {
			out = append(out, source{name: arg, isURL: true})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			reason := "cannot read"
			if errors.Is(err, fs.ErrNotExist) {
				reason = "no such file or directory"
			}
			errs = append(errs, fmt.Errorf("%s: %s: %w", arg, reason, news.ErrInvalidInput))
			continue
		}
		if !info.IsDir() {
			out = append(out, source{name: arg})
			continue
		}
		var files []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, err))
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && path != arg {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, err)
		}
		sort.Strings(files)
		for _, f := range files {
			out = append(out, source{name: f})
		}
	}
	return out, errs
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// eachInput reads one source and calls fn with each input it holds, until
// fn returns false: a file or page is one input, a compressed file is its
// content, and a tar or ZIP archive gives one input per member file. A
// failure of the source itself (missing, unreadable, corrupt, over the
// limits) or of one member comes to fn as an error naming it; after a
// member's error the walk goes on.
func (e *env) eachInput(ctx context.Context, src source, fn func(pipeline.Input, error) bool) {
	lim := archive.Limits{FileBytes: e.cfg.MaxInputBytes, TotalBytes: e.cfg.MaxArchiveBytes}
	walk := func(name string, r io.Reader, contentType string, fetched time.Time) {
		err := archive.Walk(name, r, lim, func(f archive.File) bool {
			if f.Err != nil {
				return fn(pipeline.Input{}, f.Err)
			}
			ct := contentType
			if f.Name != name {
				ct = "" // a member's type is its own, not the archive's
			}
			return fn(pipeline.Input{Source: f.Name, Raw: f.Raw, ContentType: ct, FetchedAt: fetched}, nil)
		})
		if err != nil {
			fn(pipeline.Input{}, err)
		}
	}
	if src.isURL {
		resp, err := e.fetcher().Get(ctx, fetch.Request{URL: src.name})
		if err != nil {
			fn(pipeline.Input{}, fmt.Errorf("fetch %s: %w", src.name, err))
			return
		}
		if archive.Layers(resp.Body) {
			walk(resp.URL, bytes.NewReader(resp.Body), resp.ContentType, resp.FetchedAt)
			return
		}
		fn(pageInput(resp), nil)
		return
	}
	f, err := os.Open(src.name)
	if err != nil {
		fn(pipeline.Input{}, fmt.Errorf("%s: %w", src.name, err))
		return
	}
	defer f.Close()
	walk(src.name, f, "", time.Time{})
}

// eachArticle loads every argument (files, directories, URLs) and extracts
// its articles, reporting each failure on stderr as it goes; fn sees every
// good article in input order. It returns errReported when any input
// failed, after all of them were tried.
func (e *env) eachArticle(ctx context.Context, args []string, flags *inputFlags, fn func(news.Article) error) error {
	sources, errs := e.sources(args, flags)
	failed := len(errs)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "FAILED %v\n", err)
	}
	ex := pipeline.Formats{MaxBytes: e.cfg.MaxInputBytes}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		var stop error
		e.eachInput(ctx, src, func(in pipeline.Input, err error) bool {
			if err != nil {
				failed++
				fmt.Fprintf(e.stderr, "FAILED %v\n", err)
				return true
			}
			for _, x := range extractAll(ex, in) {
				if x.err != nil {
					failed++
					fmt.Fprintf(e.stderr, "FAILED %v\n", x.err)
					continue
				}
				if stop = fn(x.article); stop != nil {
					return false
				}
			}
			return ctx.Err() == nil
		})
		if stop != nil {
			return stop
		}
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "%d input(s) failed\n", failed)
		return errReported
	}
	return nil
}
