package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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

// load reads one source into a pipeline input, refusing oversized files
// before reading them whole.
func (e *env) load(ctx context.Context, src source) (pipeline.Input, error) {
	if src.isURL {
		return e.fetchURL(ctx, src.name)
	}
	f, err := os.Open(src.name)
	if err != nil {
		return pipeline.Input{}, fmt.Errorf("%s: %w", src.name, err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, e.cfg.MaxInputBytes+1))
	if err != nil {
		return pipeline.Input{}, fmt.Errorf("%s: read: %w", src.name, err)
	}
	if int64(len(raw)) > e.cfg.MaxInputBytes {
		return pipeline.Input{}, fmt.Errorf("%s: larger than the %d-byte limit: %w", src.name, e.cfg.MaxInputBytes, news.ErrTooLarge)
	}
	return pipeline.Input{Source: src.name, Raw: raw}, nil
}

// eachArticle loads every argument (files, directories, URLs) and extracts
// its articles, reporting each failure on stderr as it goes; fn sees every
// good article in input order. It returns errReported when any input
// failed, after all of them were tried.
func (e *env) eachArticle(ctx context.Context, args []string, fn func(news.Article) error) error {
	sources, errs := expandSources(args)
	failed := len(errs)
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "FAILED %v\n", err)
	}
	ex := pipeline.Formats{MaxBytes: e.cfg.MaxInputBytes}
	for _, src := range sources {
		if err := ctx.Err(); err != nil {
			return err
		}
		in, err := e.load(ctx, src)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "FAILED %v\n", err)
			continue
		}
		for _, x := range extractAll(ex, in) {
			if x.err != nil {
				failed++
				fmt.Fprintf(e.stderr, "FAILED %v\n", x.err)
				continue
			}
			if err := fn(x.article); err != nil {
				return err
			}
		}
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "%d input(s) failed\n", failed)
		return errReported
	}
	return nil
}
