//go:build linux

package hugepage

import "testing"

// TestThpDisabled checks the reading of GODEBUG: disablethp=1 turns the
// request off, its last setting counts, and other settings are not it.
func TestThpDisabled(t *testing.T) {
	for in, want := range map[string]bool{
		"":                             false,
		"disablethp=1":                 true,
		"disablethp=0":                 false,
		"gctrace=1,disablethp=1":       true,
		"disablethp=1,disablethp=0":    false,
		"disablethp=0, disablethp=1":   true,
		"xdisablethp=1":                false,
		"disablethp=10":                false,
		"madvdontneed=1,disablethp":    false,
		"gctrace=1, disablethp=1 ,x=2": true,
	} {
		if got := thpDisabled(in); got != want {
			t.Errorf("thpDisabled(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestSetting checks that a setting that cannot be read is never taken as
// holding.
func TestSetting(t *testing.T) {
	if setting("no such setting", func(string) bool { return true }) {
		t.Error("a setting that does not exist was taken as holding")
	}
}
