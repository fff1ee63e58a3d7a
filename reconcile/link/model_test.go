package link_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
	"github.com/freedcount/freedcount/source"
)

var trainedAt = time.Date(2026, time.January, 31, 12, 0, 0, 0, time.UTC)

// saveAndRead saves the model of r, writes it, and reads it back.
func saveAndRead(t testing.TB, r *link.Result) (*link.SavedModel, []byte) {
	t.Helper()
	m, err := r.SaveModel(link.Training{At: trainedAt, Note: "test"})
	if err != nil {
		t.Fatalf("SaveModel: %v", err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatalf("WriteTo: %v", err)
	}
	back, err := link.ReadModel(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("ReadModel: %v", err)
	}
	return back, buf.Bytes()
}

func synthLists(n int, seed uint64) ([]link.List, linktest.Truth) {
	return linktest.Synthetic{People: 3 * n / 2, Overlap: 0.5, Noise: linktest.DefaultNoise(), Seed: seed, Lists: []linktest.ListSpec{
		{Source: source.MustSourceID("gov"), Records: n, Unique: true},
		{Source: source.MustSourceID("ngo"), Records: n},
	}}.Generate()
}

// TestSavedModelRelinksBitForBit checks that linking lists with the model
// saved from their own linkage (save → write → read) gives the same
// result, bit for bit: clusters, links and their scores, conflicts,
// model, and every pair's explanation; and that the file reads back to the
// same bytes.
func TestSavedModelRelinksBitForBit(t *testing.T) {
	fake, _ := splinkList(t)
	synth, _ := synthLists(500, 7)
	for _, tc := range []struct {
		name  string
		cfg   link.Config
		lists []link.List
	}{
		{"fake_1000-default-rules", link.Config{Schema: splinkConfig().Schema}, []link.List{fake}},
		{"synthetic-detainees", link.DetaineeConfig(), synth},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mustLink(t, tc.cfg, tc.lists...)
			m, file := saveAndRead(t, r)
			r2 := mustLink(t, m.Config(), tc.lists...)
			if a, b := summary(r), summary(r2); a != b {
				t.Fatalf("relinked with the saved model, the result differs:\n%s\nvs\n%s", a, b)
			}
			for _, p := range r.Links() {
				e1, _ := r.Explain(p.A, p.B)
				e2, _ := r2.Explain(p.A, p.B)
				if e1.String() != e2.String() {
					t.Fatalf("explanations differ:\n%s\n%s", e1, e2)
				}
			}
			_, again := saveAndRead(t, r2)
			if !bytes.Equal(file, again) {
				t.Errorf("the model saved from the relinked result differs from the first")
			}
			if got := m.Training(); got.Records != r.Stats().Records || !got.At.Equal(trainedAt) || len(got.Lists) != len(tc.lists) {
				t.Errorf("training info %+v", got)
			}
		})
	}
}

// TestSavedModelLinksNextMonth trains on one month's lists and links the
// next month's (other invented people, other noise draws) with the saved
// model, without estimating again: precision and recall stay close to
// those of a model estimated on the new lists.
func TestSavedModelLinksNextMonth(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping two linkages of 2,000 records in short mode")
	}
	jan, _ := synthLists(1000, 11)
	feb, truth := synthLists(1000, 12)
	m, _ := saveAndRead(t, mustLink(t, link.DetaineeConfig(), jan...))
	fresh := truth.Score(mustLink(t, link.DetaineeConfig(), feb...))
	carried := truth.Score(mustLink(t, m.Config(), feb...))
	t.Logf("next month: estimated afresh P %.4f R %.4f; saved model P %.4f R %.4f", fresh.Precision, fresh.Recall, carried.Precision, carried.Recall)
	if carried.Precision < fresh.Precision-0.01 || carried.Recall < fresh.Recall-0.02 {
		t.Errorf("the saved model links next month's lists worse: P %.4f R %.4f, afresh P %.4f R %.4f", carried.Precision, carried.Recall, fresh.Precision, fresh.Recall)
	}
}

// TestReadModelRefusesOtherVersions checks that a model of another format
// version is refused with ErrVersion, and a damaged one with ErrInvalid,
// never read.
func TestReadModelRefusesOtherVersions(t *testing.T) {
	synth, _ := synthLists(300, 3)
	_, file := saveAndRead(t, mustLink(t, link.DetaineeConfig(), synth...))
	for _, v := range []string{"0", "2", "17"} {
		bad := strings.Replace(string(file), `"version": 1,`, `"version": `+v+`,`, 1)
		_, err := link.ReadModel(strings.NewReader(bad))
		if !errors.Is(err, link.ErrVersion) || !strings.Contains(err.Error(), "version") {
			t.Errorf("version %s: err = %v, want ErrVersion", v, err)
		}
	}
	for name, edit := range map[string][2]string{
		"format":       {`"format": "freedcount/link-model"`, `"format": "other"`},
		"level":        {`"level": "exact"`, `"level": "near"`},
		"unknown-key":  {`"min_score"`, `"min_scor"`},
		"schema-kind":  {`"kind": "cedula_id"`, `"kind": "year"`},
		"no-time":      {`"at": "2026-01-31T12:00:00Z"`, `"at": "0001-01-01T00:00:00Z"`},
		"weight-range": {`"prior": "`, `"prior": "+99999`},
	} {
		bad := strings.Replace(string(file), edit[0], edit[1], 1)
		if bad == string(file) {
			t.Fatalf("%s: edit did not apply", name)
		}
		if _, err := link.ReadModel(strings.NewReader(bad)); !errors.Is(err, link.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	m, _ := link.ReadModel(bytes.NewReader(file))
	cfg := m.Config()
	cfg.Schema = link.MustSchema(link.Field{Name: "x", Kind: link.Text})
	cfg.Rules = nil
	if _, err := link.Link(cfg, synth...); !errors.Is(err, link.ErrInvalid) {
		t.Errorf("a model applied to another schema: err = %v, want ErrInvalid", err)
	}
}

// TestSavedModelHoldsNoName checks that no word of a name and no national
// ID appears in a saved model.
func TestSavedModelHoldsNoName(t *testing.T) {
	synth, truth := synthLists(500, 5)
	_, file := saveAndRead(t, mustLink(t, link.DetaineeConfig(), synth...))
	low := strings.ToLower(string(file))
	for _, p := range truth.People() {
		for _, w := range append(p.Given, p.Paternal, p.Maternal) {
			if len(w) > 3 && strings.Contains(low, `"`+strings.ToLower(w)) {
				t.Fatalf("the saved model holds a name word")
			}
		}
	}
}

// FuzzReadModel checks the decoder's round trip: whatever ReadModel
// accepts, it writes and reads back to the same bytes.
func FuzzReadModel(f *testing.F) {
	synth, _ := synthLists(200, 3)
	r, err := link.Link(link.DetaineeConfig(), synth...)
	if err != nil {
		f.Fatal(err)
	}
	m, _ := r.SaveModel(link.Training{At: trainedAt})
	var buf bytes.Buffer
	_, _ = m.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(`{"format":"freedcount/link-model","version":2}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := link.ReadModel(bytes.NewReader(b))
		if err != nil {
			return
		}
		var w1, w2 bytes.Buffer
		if _, err := m.WriteTo(&w1); err != nil {
			t.Fatal(err)
		}
		m2, err := link.ReadModel(bytes.NewReader(w1.Bytes()))
		if err != nil {
			t.Fatalf("rereading a written model: %v", err)
		}
		_, _ = m2.WriteTo(&w2)
		if !bytes.Equal(w1.Bytes(), w2.Bytes()) {
			t.Fatal("write → read → write changed the model")
		}
	})
}
