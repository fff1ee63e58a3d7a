package interchange_test

import (
	"bytes"
	"testing"

	"github.com/freedcount/freedcount/interchange"
	"github.com/freedcount/freedcount/internal/hugepage"
)

// TestReadTakesBackHugePages checks that reading an input large enough
// for its records to be backed with huge pages while they are read takes
// the request back before it returns: their memory is no longer eligible
// for huge pages, so that the system does not gather it again once it is
// freed.
func TestReadTakesBackHugePages(t *testing.T) {
	probe := make([]byte, 2*hugepage.Min)
	if !hugepage.Advise(probe) {
		t.Skip("the system makes no huge pages on request here: reading asks for none, so there is none to take back")
	}
	hugepage.Unadvise(probe)
	for _, f := range []interchange.Format{interchange.CSV, interchange.JSONL} {
		data := claimLines(30_000) // 8.6 MB of claims
		if f == interchange.JSONL {
			cs, err := interchange.ReadClaims(bytes.NewReader(data), interchange.CSV)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := interchange.WriteClaims(&buf, f, cs); err != nil {
				t.Fatal(err)
			}
			data = buf.Bytes()
		}
		cs, err := interchange.ReadClaims(bytes.NewReader(data), f)
		if err != nil {
			t.Fatal(err)
		}
		ok, err := hugepage.Eligible(cs)
		if err != nil {
			t.Skipf("the system does not say which memory is eligible for huge pages: %v", err)
		}
		if ok {
			t.Errorf("%v: the memory of %d claims read is still eligible for huge pages", f, len(cs))
		}
	}
}
