// Package demo bundles the sample corpus that `parallax demo` loads: the two
// seed articles and BASIL triplets (see corpus/ATTRIBUTION.md).
package demo

import (
	"embed"
	"io/fs"
	"sort"
	"strings"
)

//go:embed corpus
var corpus embed.FS

// File is one bundled input file.
type File struct {
	Name string
	Raw  []byte
}

// Files returns the corpus inputs in name order (the attribution note excluded).
func Files() ([]File, error) {
	var files []File
	err := fs.WalkDir(corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".md") {
			return err
		}
		raw, err := corpus.ReadFile(path)
		if err != nil {
			return err
		}
		files = append(files, File{Name: "demo/" + strings.TrimPrefix(path, "corpus/"), Raw: raw})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files, err
}
