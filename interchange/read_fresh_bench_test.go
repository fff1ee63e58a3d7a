package interchange_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/freedcount/freedcount/interchange"
)

// freshEnv, set in the environment of this test binary, makes it time one
// reading of a file and exit ([TestMain]): "reader:path", with reader one
// of freshReaders.
const freshEnv = "FREEDCOUNT_READ_FRESH"

// freshReaders are the readings BenchmarkReadClaimsFresh times, each in a
// process of its own: encoding/csv splitting the cells and keeping none
// (the floor of BenchmarkReadClaims), encoding/csv keeping every record
// (ReadAll), and ReadClaims.
var freshReaders = map[string]func([]byte) error{
	"csv-read": func(data []byte) error {
		r := csv.NewReader(bytes.NewReader(data))
		for {
			if _, err := r.Read(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	},
	"csv-readall": func(data []byte) error {
		_, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		return err
	},
	"readclaims": func(data []byte) error {
		_, err := interchange.ReadClaims(bytes.NewReader(data), interchange.CSV)
		return err
	},
}

// TestMain runs the tests, or, in a process BenchmarkReadClaimsFresh
// started, the one reading it asked for: it loads the file, collects the
// heap, times the reading, and prints the nanoseconds it took.
func TestMain(m *testing.M) {
	spec, ok := os.LookupEnv(freshEnv)
	if !ok {
		os.Exit(m.Run())
	}
	reader, path, _ := strings.Cut(spec, ":")
	read, ok := freshReaders[reader]
	if !ok {
		fmt.Fprintf(os.Stderr, "%s: no reader %q\n", freshEnv, reader)
		os.Exit(2)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	runtime.GC()
	t0 := time.Now()
	if err := read(data); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(time.Since(t0).Nanoseconds())
	os.Exit(0)
}

// BenchmarkReadClaimsFresh times each reading of freshReaders on the same
// claim lines, each in a fresh process (this test binary, run again), so
// that none reuses memory another touched: what reading a file costs a
// command that reads it once. BenchmarkReadClaims runs its readings in
// one process, where encoding/csv's records, dropped as it goes, reuse
// memory already faulted in, while the records ReadClaims keeps take
// memory afresh. Reported: ReadClaims' time and its ratios to the two
// readings of encoding/csv.
func BenchmarkReadClaimsFresh(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "claims.csv")
			if err := os.WriteFile(path, claimLines(n), 0o600); err != nil {
				b.Fatal(err)
			}
			total := map[string]time.Duration{}
			for b.Loop() {
				for _, reader := range []string{"csv-read", "csv-readall", "readclaims"} {
					total[reader] += readFresh(b, reader, path)
				}
			}
			claims := float64(total["readclaims"])
			b.ReportMetric(claims/float64(b.N)/float64(n), "ns/line")
			b.ReportMetric(claims/float64(total["csv-read"]), "x-encoding/csv")
			b.ReportMetric(claims/float64(total["csv-readall"]), "x-csv-ReadAll")
		})
	}
}

// readFresh runs this test binary again to time one reading of path, and
// returns the time it took.
func readFresh(b *testing.B, reader, path string) time.Duration {
	b.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), freshEnv+"="+reader+":"+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("timing %s in a fresh process: %v: %s", reader, err, stderr.String())
	}
	ns, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		b.Fatalf("timing %s in a fresh process: output %q: %v", reader, out, err)
	}
	return time.Duration(ns)
}
