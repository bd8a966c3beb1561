// Package pgtest starts throwaway PostgreSQL servers for tests, from the
// server binaries of the local installation (Debian's
// /usr/lib/postgresql/VERSION/bin, or initdb and pg_ctl on PATH).
//
// Each server lives in its own temporary directory and listens only on a
// Unix socket there, so parallel test binaries never compete for a TCP
// port; fsync is off because the data is thrown away. When the binaries are
// missing the test is skipped with the reason, except under CI=true, where
// a missing dependency must fail instead of silently passing.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
)

// port only names the socket file (.s.PGSQL.<port>) inside the server's
// private directory.
const port = 5432

// Start initialises and starts a new server, stops and removes it when the
// test ends, and returns the DSN of an empty database on it.
func Start(t testing.TB) (dsn string) {
	t.Helper()
	bin, err := findBinaries()
	if err != nil {
		unavailable(t, err)
	}
	owner, err := serverUser()
	if err != nil {
		unavailable(t, err)
	}
	// As root the server user must reach the directory: $TMPDIR may be
	// private to root, /tmp never is.
	parent := ""
	if owner != nil {
		parent = "/tmp"
	}
	dir, err := os.MkdirTemp(parent, "pgtest-")
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if owner != nil {
		if err := os.Chown(dir, owner.uid, owner.gid); err != nil {
			t.Fatalf("pgtest: %v", err)
		}
	}
	data := filepath.Join(dir, "data")
	run(t, owner, dir, filepath.Join(bin, "initdb"), "--pgdata", data, "--username", "postgres",
		"--auth", "trust", "--encoding", "UTF8", "--no-locale", "--no-sync")
	opts := fmt.Sprintf("-c listen_addresses='' -k %s -p %d -c fsync=off -c synchronous_commit=off -c full_page_writes=off", dir, port)
	run(t, owner, dir, filepath.Join(bin, "pg_ctl"), "--pgdata", data, "--log", filepath.Join(dir, "server.log"),
		"--wait", "--timeout", "120", "--options", opts, "start")
	t.Cleanup(func() {
		cmd := command(owner, dir, filepath.Join(bin, "pg_ctl"), "--pgdata", data, "--mode", "immediate", "--wait", "stop")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("pgtest: stop server: %v\n%s", err, out)
		}
	})
	server := (&url.URL{
		Scheme:   "postgres",
		User:     url.User("postgres"),
		Path:     "/postgres",
		RawQuery: url.Values{"host": {dir}, "port": {strconv.Itoa(port)}, "sslmode": {"disable"}}.Encode(),
	}).String()
	return NewDatabase(t, server)
}

// dbSeq names the databases NewDatabase creates.
var dbSeq atomic.Int64

// NewDatabase creates a new empty database on the server of dsn (a DSN
// returned by Start) and returns its DSN. Tests that need many fresh
// databases start one server and call this per test, which is much faster
// than a server each.
func NewDatabase(t testing.TB, dsn string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("pgtest: connect: %v", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("test_%d_%d", os.Getpid(), dbSeq.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("pgtest: create database: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// unavailable skips the test, or fails it under CI=true.
func unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("pgtest: PostgreSQL is required under CI=true: %v", err)
	}
	t.Skipf("pgtest: skipping, PostgreSQL unavailable: %v (run scripts/install-postgres.sh)", err)
}

// findBinaries returns the directory holding initdb and pg_ctl, preferring
// the newest Debian-style installation.
func findBinaries() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, dir := range dirs {
		if isExecutable(filepath.Join(dir, "initdb")) && isExecutable(filepath.Join(dir, "pg_ctl")) {
			return dir, nil
		}
	}
	if initdb, err := exec.LookPath("initdb"); err == nil {
		dir := filepath.Dir(initdb)
		if isExecutable(filepath.Join(dir, "pg_ctl")) {
			return dir, nil
		}
	}
	return "", errors.New("no initdb and pg_ctl under /usr/lib/postgresql/*/bin or on PATH")
}

func version(binDir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return v
}

func isExecutable(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode()&0o111 != 0
}

// account is the unprivileged user the server runs as when tests run as
// root (PostgreSQL refuses to run as root).
type account struct {
	name     string
	uid, gid int
}

func serverUser() (*account, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root needs a postgres system user to run the server: %w", err)
	}
	if _, err := exec.LookPath("runuser"); err != nil {
		return nil, fmt.Errorf("running as root needs runuser: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &account{name: u.Username, uid: uid, gid: gid}, nil
}

// command runs name as owner (via runuser) when set, else as the caller.
func command(owner *account, dir, name string, args ...string) *exec.Cmd {
	if owner != nil {
		args = append([]string{"-u", owner.name, "--", name}, args...)
		name = "runuser"
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	// pg_ctl's server outlives the command: keep it out of the test's
	// process group signals, and let Cleanup stop it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

func run(t testing.TB, owner *account, dir, name string, args ...string) {
	t.Helper()
	out, err := command(owner, dir, name, args...).CombinedOutput()
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		t.Fatalf("pgtest: %s %s: %v\n%s\n%s", filepath.Base(name), strings.Join(args, " "), err, out, log)
	}
}
