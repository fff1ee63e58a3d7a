package link_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/reconcile/link"
	"github.com/freedcount/freedcount/reconcile/link/linktest"
	"github.com/freedcount/freedcount/release"
)

// secretsOf returns what must never be printed of lists: each name as
// written, normalized and folded, its words of five letters or more (but
// not those that also name a place, such as Miranda, which scopes show),
// and the digits of each national ID.
func secretsOf(lists []link.List) (whole []string, words []string) {
	places := map[string]bool{}
	for _, l := range lists {
		for _, r := range l.Records {
			for _, v := range []string{r.Values[4].Reveal(), r.Values[5].Reveal(), r.Released.String()} {
				for _, w := range strings.FieldsFunc(link.Fold(v), func(c rune) bool { return c == ' ' || c == '/' }) {
					places[w] = true
				}
			}
		}
	}
	for _, l := range lists {
		for _, r := range l.Records {
			name, id := r.Values[0].Reveal(), r.Values[1].Reveal()
			if n, err := link.ParseName(name); err == nil {
				whole = append(whole, name, n.Text(), n.Folded())
				for _, w := range n.Tokens() {
					if len(w) >= 5 && !places[w] {
						words = append(words, w)
					}
				}
			}
			// Numbers of six digits or fewer could appear among the other
			// numbers of the output by chance; longer ones cannot.
			if c, err := link.ParseCedula(id); err == nil && len(c.Canonical()) >= 9 {
				whole = append(whole, id, c.Canonical()[2:])
			}
		}
	}
	return whole, words
}

// checkNoSecrets fails if out shows any secret.
func checkNoSecrets(t *rapid.T, out string, whole, words []string) {
	lower := link.Fold(out)
	for _, s := range whole {
		if s != "" && (strings.Contains(out, s) || strings.Contains(lower, link.Fold(s))) {
			t.Fatalf("output shows personal data %q:\n%s", s, out)
		}
	}
	if len(words) == 0 {
		return
	}
	quoted := make([]string, len(words))
	for k, w := range words {
		quoted[k] = regexp.QuoteMeta(w)
	}
	if w := regexp.MustCompile(`\b(` + strings.Join(quoted, "|") + `)\b`).FindString(lower); w != "" {
		t.Fatalf("output shows the word %q of a name:\n%s", w, out)
	}
}

// TestNamesAndNationalIDsNeverAppearInOutput prints everything a linkage
// gives — results, explanations, records, names, cédulas, errors, logs — in
// every fmt verb and through slog, and looks for the people's names and
// national IDs in it.
func TestNamesAndNationalIDsNeverAppearInOutput(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lists := linktest.Lists().Draw(t, "lists")
		whole, words := secretsOf(lists)
		var out bytes.Buffer
		logger := slog.New(slog.NewJSONHandler(&out, &slog.HandlerOptions{ReplaceAttr: dropTime}))
		r := mustLink(t, link.DetaineeConfig(), lists...)
		fmt.Fprintln(&out, r.Stats(), r.Model())
		for c := range r.Clusters() {
			fmt.Fprintf(&out, "%v %+v %#v\n", c, c, c)
			for _, m := range c.Members[1:] {
				if e, err := r.Explain(c.Members[0], m); err == nil {
					fmt.Fprintf(&out, "%v %+v\n%s", e, e, e)
				}
			}
		}
		fmt.Fprintf(&out, "%v %+v %v %+v\n", r.Links(), r.Links(), r.Conflicts(), r.Conflicts())
		fmt.Fprintf(&out, "%v\n", r.Verifications())
		for _, l := range lists {
			for _, rec := range l.Records {
				fmt.Fprintf(&out, "%v %+v %#v %s %q\n", rec, rec, rec, rec, rec)
				logger.Info("record", "record", rec)
				name, id := rec.Values[0].Reveal(), rec.Values[1].Reveal()
				if n, err := link.ParseName(name); err == nil {
					fmt.Fprintf(&out, "%v %+v %#v %s %q\n", n, n, n, n, n)
					logger.Info("name", "name", n)
				}
				if c, err := link.ParseCedula(id); err == nil {
					fmt.Fprintf(&out, "%v %+v %#v %s %q %d\n", c, c, c, c, c, c)
					logger.Info("cedula", "cedula", c)
				}
				// Errors about the same values, made malformed.
				_, err := link.ParseName(name + " 1")
				fmt.Fprintln(&out, err)
				_, err = link.ParseCedula(id + "x")
				fmt.Fprintln(&out, err)
				d := release.Detainee{ID: rec.ID, Name: release.NewSecret(name + "9"), NationalID: release.NewSecret(id + "-Z")}
				_, err = link.DetaineeRecord(d, release.Scope{})
				fmt.Fprintln(&out, err)
			}
		}
		// A whole linkage refused for its malformed values.
		bad := make([]link.List, len(lists))
		for k, l := range lists {
			bad[k] = l
			bad[k].Records = nil
			for _, rec := range l.Records {
				vals := release.RevealAll(rec.Values)
				vals[0] += " 2"
				if vals[1] != "" {
					vals[1] += "0.0"
				}
				rec.Values = release.NewSecrets(vals)
				bad[k].Records = append(bad[k].Records, rec)
			}
		}
		if _, err := link.Link(link.DetaineeConfig(), bad...); err != nil {
			fmt.Fprintln(&out, err)
			logger.Error("link", "err", err)
		}
		checkNoSecrets(t, out.String(), whole, words)
	})
}

// dropTime removes the time from log records, whose digits could be
// mistaken for a national ID.
func dropTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

func TestPseudonymizerNeverShowsItsKey(t *testing.T) {
	key := []byte("a secret key of at least 32 bytes, for the test")
	p, err := link.NewPseudonymizer(key)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "%v %+v %#v %s", p, p, p, p)
	slog.New(slog.NewTextHandler(&out, nil)).Info("p", "p", p)
	if strings.Contains(out.String(), "secret") {
		t.Fatalf("the key shows: %s", out.String())
	}
	if _, err := link.NewPseudonymizer(key[:31]); err == nil || strings.Contains(err.Error(), "secret") {
		t.Fatalf("a short key: %v", err)
	}
}
