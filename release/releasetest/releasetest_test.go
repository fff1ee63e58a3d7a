package releasetest_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/release"
	"github.com/freedcount/freedcount/release/releasetest"
)

// The generators are valid by construction: these properties check it, so
// that a property built on them fails because of the code under test, not
// because of its data.

func TestDateIsValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := releasetest.Date().Draw(t, "d")
		require.True(t, d.IsValid())
		lo := releasetest.Date().Draw(t, "lo")
		hi := releasetest.Date().Draw(t, "hi")
		if hi.Before(lo) {
			lo, hi = hi, lo
		}
		e := releasetest.DateBetween(lo, hi).Draw(t, "between")
		require.False(t, e.Before(lo) || e.After(hi))
	})
	require.Panics(t, func() { releasetest.DateBetween(release.Date{}, release.MustParseDate("2026-01-25")) })
	require.Panics(t, func() {
		releasetest.DateBetween(release.MustParseDate("2026-01-26"), release.MustParseDate("2026-01-25"))
	})
}

func TestScalarsAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		p := releasetest.Period().Draw(t, "p")
		_, err := release.NewPeriod(p.First(), p.Last())
		require.NoError(t, err)
		require.True(t, releasetest.Population().Draw(t, "pop").IsValid())
		require.True(t, releasetest.Region().Draw(t, "reg").IsValid())
		s := releasetest.Scope().Draw(t, "scope")
		_, err = release.NewScope(s.Population(), s.Region(), s.Period())
		require.NoError(t, err)
		require.True(t, releasetest.DetaineeID().Draw(t, "id").IsValid())
		pt := releasetest.Partition().Draw(t, "partition")
		_, err = release.NewPartition(pt.Parent(), pt.Parts()...)
		require.NoError(t, err)
	})
}

func TestRecordsAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := releasetest.Detainee().Draw(t, "d")
		require.NoError(t, d.Validate())
		require.NotEmpty(t, d.Name)
		require.NoError(t, releasetest.Event().Draw(t, "e").Validate())
	})
}

func TestBadRecordsAreInvalid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		bd := releasetest.BadDetainee().Draw(t, "bd")
		require.NotEmpty(t, bd.Fields)
		require.ErrorIs(t, bd.Value.Validate(), release.ErrInvalid)
		be := releasetest.BadEvent().Draw(t, "be")
		require.NotEmpty(t, be.Fields)
		require.ErrorIs(t, be.Value.Validate(), release.ErrInvalid)
		require.Error(t, releasetest.InvalidDetainee().Draw(t, "d").Validate())
		require.Error(t, releasetest.InvalidEvent().Draw(t, "e").Validate())
	})
}

func TestInvalidTextIsRejected(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := releasetest.InvalidDateText().Draw(t, "date")
		require.NotEmpty(t, s)
		_, err := release.ParseDate(s)
		require.Error(t, err, "%q", s)
		s = releasetest.InvalidPeriodText().Draw(t, "period")
		_, err = release.ParsePeriod(s)
		require.Error(t, err, "%q", s)
		s = releasetest.InvalidPathText().Draw(t, "path")
		_, err = release.ParseRegion(s)
		require.Error(t, err, "%q", s)
	})
}

func TestHistoryIsAccepted(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		steps := releasetest.History().Draw(t, "history")
		var l release.Ledger
		w := releasetest.Window()
		for i, st := range steps {
			require.True(t, (st.Register == nil) != (st.Record == nil), "step %d sets exactly one call", i)
			require.NoError(t, st.Apply(&l), "step %d: %s", i, st)
			if st.Record != nil {
				require.True(t, w.ContainsDate(st.Record.Day))
			}
		}
		for e := range l.Events() {
			require.True(t, w.ContainsDate(e.Day))
		}
	})
}

// TestHistoryReArrests checks that histories exercise re-arrests often
// enough to matter, counted over a fixed set of seeds so that the count does
// not depend on how many checks rapid runs (-short runs fewer).
func TestHistoryReArrests(t *testing.T) {
	const histories = 200
	rearrests := 0
	for seed := range histories {
		released := map[release.DetaineeID]bool{}
	steps:
		for _, st := range releasetest.History().Example(seed) {
			if e := st.Record; e != nil {
				if e.Kind == release.Released {
					released[e.Detainee] = true
				} else if released[e.Detainee] {
					rearrests++
					break steps
				}
			}
		}
	}
	require.Greater(t, rearrests*4, histories, "re-arrests in %d of %d histories", rearrests, histories)
}
