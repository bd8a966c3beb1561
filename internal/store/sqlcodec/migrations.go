package sqlcodec

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// Migration is one schema version, read from a file NNNN_name.sql.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// LoadMigrations reads the migration files in dir of fsys in version
// order and checks that versions run 1, 2, 3... without gaps.
func LoadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var list []Migration
	for _, e := range entries {
		prefix, _, ok := strings.Cut(e.Name(), "_")
		version, err := strconv.Atoi(prefix)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		body, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		list = append(list, Migration{Version: version, Name: e.Name(), SQL: string(body)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Version < list[j].Version })
	for i, m := range list {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.Name, i+1)
		}
	}
	return list, nil
}

// Pending returns the migrations a database at schema version current
// still needs. A database newer than every migration is
// store.ErrSchemaTooNew: this binary must not write to it.
func Pending(migrations []Migration, current int) ([]Migration, error) {
	if current > len(migrations) {
		return nil, fmt.Errorf("schema version %d, this binary supports up to %d (upgrade parallax): %w",
			current, len(migrations), store.ErrSchemaTooNew)
	}
	return migrations[current:], nil
}
