package mse_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/mse"
	"github.com/freedcount/freedcount/reconcile/mse/msetest"
)

// FuzzHistoriesJSON decodes arbitrary bytes as a table. A rejection must be
// a typed error that leaves the table alone; an accepted table must
// re-encode to bytes that decode to an equal table and encode to the same
// bytes, and every estimate of it must be sound.
func FuzzHistoriesJSON(f *testing.F) {
	for _, s := range []string{
		`{"stratum":"rome","lists":["l1","l2","l3","l4"],"counts":{"1110":3,"1101":1,"1100":33,"1010":20,"1001":6,"1000":403,"0111":3,"0110":35,"0101":10,"0100":545,"0011":11,"0010":621,"0001":205}}`,
		`{"stratum":"s","lists":["b","a"],"counts":{"10":80,"01":60,"11":20}}`,
		`{"stratum":"s","lists":["a","b","c"],"counts":{"100":5,"110":3,"101":2,"111":1}}`,
		`{"stratum":"s","lists":["a","b","c"],"counts":{"000":5}}`,
		`{"stratum":"s","lists":["a","a"],"counts":{}}`,
		`{"stratum":"","lists":[],"counts":{"1":-1}}`,
		`{}`, `null`, `[]`, `{"counts":{"11":2147483647,"10":1}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var h mse.Histories
		if err := h.UnmarshalJSON(data); err != nil {
			if h.IsValid() {
				t.Fatalf("a failed decode changed the table")
			}
			checkRefusal(t, err)
			return
		}
		b, err := h.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back mse.Histories
		if err := back.UnmarshalJSON(b); err != nil || !back.Equal(h) {
			t.Fatalf("%s decodes to %v, %v; want %v", b, back, err, h)
		}
		if b2, _ := back.MarshalJSON(); string(b2) != string(b) {
			t.Fatalf("encodings differ: %s, %s", b, b2)
		}
		// The profile interval refits dozens of times: fuzzed on three lists.
		estimatesTo(t, h, h.NumLists() <= 4, h.NumLists() == 3)
	})
}

// FuzzCounts reads a table of k lists from raw bytes, two bytes a cell, and
// checks every estimate of it: sound, or refused with a typed error. It
// reaches tables the generators do not favour: huge counts beside zeros,
// lists that document everyone, a single person.
func FuzzCounts(f *testing.F) {
	f.Add(uint8(4), []byte{0, 0, 0, 3, 0, 1, 0, 33, 0, 0, 0, 20, 0, 6, 1, 147, 0, 3, 0, 35, 0, 10, 2, 33, 0, 11, 2, 109, 0, 205})
	f.Add(uint8(3), []byte{0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
	f.Add(uint8(2), []byte{0, 0, 0, 7})
	f.Add(uint8(6), make([]byte, 126))
	f.Fuzz(func(t *testing.T, k uint8, data []byte) {
		k = mse.MinLists + k%(mse.MaxLists-mse.MinLists+1)
		cells := map[string]int{}
		for m := 1; m < 1<<k; m++ {
			c := 0
			if i := 2 * (m - 1); i+1 < len(data) {
				c = int(data[i])<<8 | int(data[i+1])
			}
			cells[msetest.Pattern(uint(m), int(k))] = c
		}
		h, err := mse.NewHistories(msetest.Stratum(), msetest.Lists(int(k)), cells)
		if err != nil {
			t.Fatal(err)
		}
		// The profile interval refits the model dozens of times: it is fuzzed
		// by FuzzHistoriesJSON (three lists) and checked by the properties.
		estimatesTo(t, h, k <= 4, false)
	})
}

// FuzzTally tallies arbitrary sightings: the result is either a typed
// refusal or tables whose totals are the distinct people sighted.
func FuzzTally(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0, 1, 2, 1, 0, 1}, uint8(3))
	f.Add([]byte{0, 0, 0, 1, 0, 0}, uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		k = mse.MinLists + k%(mse.MaxLists-mse.MinLists+1)
		lists := msetest.Lists(int(k))
		strata := []mse.Stratum{mse.MustStratum("a"), mse.MustStratum("b"), {}}
		var ss []mse.Sighting[byte]
		for i := 0; i+2 < len(data); i += 3 {
			s := mse.Sighting[byte]{Stratum: strata[int(data[i])%3], Person: data[i+1]}
			if j := int(data[i+2]); j < len(lists) {
				s.List = lists[j]
			} else if j < 2*len(lists) {
				s.List = mse.MustListID("elsewhere")
			}
			ss = append(ss, s)
		}
		hs, err := mse.Tally(lists, ss)
		if err != nil {
			// Tally joins up to 16 problems, each a typed error.
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range j.Unwrap() {
					checkRefusal(t, e)
				}
			} else {
				checkRefusal(t, err)
			}
			return
		}
		people := map[byte]bool{}
		for _, s := range ss {
			people[s.Person] = true
		}
		total := 0
		for _, h := range hs {
			total += h.Observed()
		}
		if total != len(people) {
			t.Fatalf("%d people sighted, tables hold %d", len(people), total)
		}
	})
}

// The properties of properties_test.go as fuzz targets.

func FuzzEstimateNeverBelowObserved(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propNeverBelowObserved))
}

func FuzzInvariantUnderRecordOrder(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propRecordOrder))
}

func FuzzLatentClassSound(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propLatentClassSound)) }
