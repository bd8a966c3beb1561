package app_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/bench"
	"github.com/parallax-news/parallax/internal/queue/natsqueue/natstest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/store/postgres"
	"github.com/parallax-news/parallax/internal/store/postgres/pgtest"
)

// scaleoutArticles is the size of the fault test: 5,000 articles (about
// two and a half minutes on two busy cores); PARALLAX_SCALEOUT_ARTICLES
// changes it, e.g. 1000 for a quicker run.
func scaleoutArticles(t *testing.T) int {
	n := 5000
	if v := os.Getenv("PARALLAX_SCALEOUT_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 100 {
			t.Fatalf("PARALLAX_SCALEOUT_ARTICLES=%q: want a number >= 100", v)
		}
	}
	return n
}

// TestScaleOutSurvivesFaults runs the scaled-out deployment for real: a
// PostgreSQL server, a NATS JetStream server, two `parallax worker`
// processes and one story assigner, fed by `parallax ingest --queue`.
// Mid-run it SIGKILLs a worker and starts it again, restarts NATS on the
// same port and store, and restarts PostgreSQL. Afterwards every input is
// stored exactly once, and every article is in exactly one story.
func TestScaleOutSurvivesFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs PostgreSQL, NATS and three worker processes")
	}
	n := scaleoutArticles(t)
	dsn := pgtest.Start(t)
	nats := natstest.Start(t)
	bin := buildBinary(t)
	dir := t.TempDir()
	inputs := writeInputs(t, filepath.Join(dir, "in"), n)

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	env := []string{"PARALLAX_DB=" + dsn, "PARALLAX_QUEUE=" + nats.URL(), "PARALLAX_LOG_LEVEL=warn"}
	start := func(name string, args ...string) *exec.Cmd {
		return startProcess(t, bin, filepath.Join(dir, name+".log"), env, args...)
	}
	start("assign", "worker", "--role", "assign")
	first := start("worker-1", "worker", "--role", "ingest")
	start("worker-2", "worker", "--role", "ingest")
	publisher := start("publish", "ingest", inputs)

	waitFor(ctx, t, st, n, n/5)
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	start("worker-1-again", "worker", "--role", "ingest")
	t.Logf("killed and restarted worker 1")

	waitFor(ctx, t, st, n, 2*n/5)
	nats.Restart()
	t.Logf("restarted NATS")

	waitFor(ctx, t, st, n, 3*n/5)
	restartPostgres(t, dsn)
	t.Logf("restarted PostgreSQL")

	if err := publisher.Wait(); err != nil {
		t.Fatalf("ingest --queue: %v\n%s", err, tail(filepath.Join(dir, "publish.log")))
	}
	if got := waitAssigned(ctx, t, st, n, dir); got != n {
		t.Fatalf("%d of %d articles in stories", got, n)
	}
	checkStored(ctx, t, st, n)
	checkStories(ctx, t, st, n)
}

// writeInputs writes n distinct articles from the shared data as files.
func writeInputs(t *testing.T, dir string, n int) string {
	t.Helper()
	data := "/work/shared/data"
	if _, err := os.Stat("../../../shared/data"); err == nil {
		data = "../../../shared/data"
	}
	ins, err := bench.Inputs(data, 0, n)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data needed under CI=true: %v", err)
		}
		t.Skipf("shared data unavailable: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, in := range ins {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%06d.txt", i)), in.Raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startProcess runs the binary with its output in logPath and kills it
// when the test ends.
func startProcess(t *testing.T, bin, logPath string, env []string, args ...string) *exec.Cmd {
	t.Helper()
	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
				<-done
			}
		}
		logFile.Close()
	})
	return cmd
}

// waitFor returns once at least atLeast articles are stored; it fails if
// all n are stored already, as the fault would then not be mid-run.
func waitFor(ctx context.Context, t *testing.T, st store.Store, n, atLeast int) {
	t.Helper()
	for {
		got, err := st.CountArticles(ctx)
		if err != nil {
			t.Fatalf("count articles: %v", err)
		}
		if got >= n {
			t.Fatalf("all %d articles stored before the fault at %d", n, atLeast)
		}
		if got >= atLeast {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%d of %d articles stored: %v", got, n, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// stallLimit bounds how long the test waits without progress: longer
// than any redelivery backoff, so reaching it means work was lost.
const stallLimit = 5 * time.Minute

// waitAssigned waits until n articles are in stories, riding out store
// errors while PostgreSQL comes back, and returns the last count.
func waitAssigned(ctx context.Context, t *testing.T, st store.Store, n int, logDir string) int {
	t.Helper()
	got, last, lastChange := 0, -1, time.Now()
	for got < n {
		stories, err := allStories(ctx, st)
		if err == nil {
			got = 0
			for _, s := range stories {
				got += len(s.ArticleIDs)
			}
		}
		if got != last {
			last, lastChange = got, time.Now()
		}
		select {
		case <-ctx.Done():
			for _, name := range []string{"assign", "worker-1-again", "worker-2"} {
				t.Logf("%s log:\n%s", name, tail(filepath.Join(logDir, name+".log")))
			}
			return got
		case <-time.After(250 * time.Millisecond):
		}
		if time.Since(lastChange) > stallLimit {
			for _, name := range []string{"assign", "worker-1-again", "worker-2"} {
				t.Logf("%s log:\n%s", name, tail(filepath.Join(logDir, name+".log")))
			}
			return got
		}
	}
	return got
}

// restartPostgres restarts the server behind dsn with pg_ctl, which reuses
// the options it was started with (postmaster.opts).
func restartPostgres(t *testing.T, dsn string) {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	dir := u.Query().Get("host")
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	pgctl := "pg_ctl"
	if len(bins) > 0 {
		pgctl = bins[len(bins)-1]
	}
	args := []string{pgctl, "--pgdata", filepath.Join(dir, "data"), "--log", filepath.Join(dir, "server.log"), "--mode", "fast", "--wait", "--timeout", "120", "restart"}
	if os.Geteuid() == 0 {
		args = append([]string{"runuser", "-u", "postgres", "--"}, args...)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("restart PostgreSQL: %v\n%s", err, out)
	}
}

// tail returns the end of a log file for failure messages.
func tail(path string) string {
	b, _ := os.ReadFile(path)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// TestBenchE2E runs `parallax bench e2e` on a throwaway PostgreSQL and an
// embedded NATS server. It measures rather than checks, so it runs only
// with PARALLAX_BENCH_E2E=1 (PARALLAX_BENCH_E2E_N articles per run, 500
// by default); the JSON report is logged.
func TestBenchE2E(t *testing.T) {
	if os.Getenv("PARALLAX_BENCH_E2E") != "1" {
		t.Skip("set PARALLAX_BENCH_E2E=1 to measure end-to-end throughput")
	}
	n := "500"
	if v := os.Getenv("PARALLAX_BENCH_E2E_N"); v != "" {
		n = v
	}
	dsn := pgtest.Start(t)
	nats := natstest.Start(t)
	bin := buildBinary(t)
	cmd := exec.Command(bin, "bench", "e2e", "--json", "--n", n, "--pg", dsn, "--nats", nats.URL(), "--log-level", "warn")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bench e2e: %v\n%s", err, out)
	}
	t.Logf("bench e2e --n %s: %s", n, out)
}
