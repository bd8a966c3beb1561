package app_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/store/sqlite"
)

// buildBinary compiles the parallax command once per test binary run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "parallax")
	cmd := exec.Command("go", "build", "-o", bin, "../../cmd/parallax")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build parallax: %v\n%s", err, out)
	}
	return bin
}

// TestIngestSurvivesSIGKILL kills `parallax ingest` in the middle of 1,000
// files, runs the same command again, and checks every file is stored
// exactly once with its article.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and ingests 1,000 files")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	inputs := filepath.Join(dir, "in")
	if err := os.Mkdir(inputs, 0o755); err != nil {
		t.Fatal(err)
	}
	const files = 1000
	for i := range files {
		body := fmt.Sprintf("Report number %d from the harbour\n\nBy Test Writer\n\nThe harbour authority said on Monday that ship %d arrived with %d containers of grain. Officials expect more arrivals this week.\n", i, i, i*7)
		if err := os.WriteFile(filepath.Join(inputs, fmt.Sprintf("%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "kill.db")

	// First run: kill it once it has reported 150 files.
	cmd := exec.Command(bin, "ingest", inputs, "--db", db)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	seen := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "ingested ") && !strings.Contains(sc.Text(), ",") {
			seen++
		}
		if seen >= 150 {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if seen < 150 {
		t.Fatalf("first run reported only %d files before ending", seen)
	}

	// Second run: the same command completes the batch.
	out, err := exec.Command(bin, "ingest", inputs, "--db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("second run: %v\n%s", err, out)
	}
	last := lastLine(string(out))
	if !strings.Contains(last, "failed 0") {
		t.Fatalf("second run summary = %q", last)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checkStored(ctx, t, st, files)
	checkStories(ctx, t, st, files)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
