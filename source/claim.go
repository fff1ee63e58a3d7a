package source

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/freedcount/freedcount/release"
	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
)

// Limits on a claim's free text and lists.
const (
	MaxQuoteLen = 4096    // bytes of Citation.Quote
	MaxURLLen   = 2048    // bytes of Citation.URL
	MaxVia      = 16      // relays of one claim
	MaxNamed    = 1 << 20 // detainees named by one claim
)

// Claim is one statement of a figure by a source: "Foro Penal verified 104
// releases of political prisoners in Venezuela on 25 January 2026 (AFP)".
//
// [Claim.Validate] checks the claim alone. Whether its source is known, its
// supersession chain sound and its ID unique is for the evidence set that
// holds it (package reconcile).
type Claim struct {
	// ID is the caller's key for the claim. Required.
	ID ClaimID
	// Source is who originally made the statement. Required.
	Source SourceID
	// Via lists the outlets that relayed the statement, in order (AFP
	// relaying Foro Penal). A relay adds provenance, never corroboration:
	// the claim is still Source's. Optional; no duplicates, not Source.
	Via []SourceID
	// Stated is when Source made the statement (not when it was relayed),
	// in the source's own time zone: reports revise within a day (80 in the
	// morning, 104 at 8 pm), and the local day closes open periods
	// ([Claim.ResolvedScope]). Required, in years 1–9999, with a zone
	// offset of whole minutes within ±24 hours, as RFC 3339 writes it.
	Stated time.Time
	// DayOnly reports that the statement is known to the day only: a
	// dated report that gives no time ("on Sunday"). Only Stated's local
	// calendar day then counts; evidence stores it as midnight UTC of that
	// day ([StatedOn]), and nothing orders two statements of one source on
	// that day by their clock. The zero value: Stated is an instant.
	DayOnly bool
	// Measure is what the figure counts. Required.
	Measure Measure
	// Scope is what the figure is about. Required, except for a relative
	// claim, which may leave it zero to take the scope of the claim it
	// refers to. An open end of its period is closed at the day the claim
	// was stated (for a relative claim, at the end of its referent's
	// period).
	Scope release.Scope
	// Quantity is the figure as said. Required unless Relative is set or
	// the claim is a retraction.
	Quantity Quantity
	// Relative, when set, states the figure relative to another claim
	// ("about half as many"); Quantity must then be the zero value.
	Relative Relative
	// Status is where the claim stands in the source's process. Required.
	Status Status
	// Basis is what the claim rests on. Required.
	Basis Basis
	// Named lists the detainees the claim names, for a [NamedList] claim.
	// Optional; no duplicates; never more than the quantity allows.
	Named []release.DetaineeID
	// Supersedes is the earlier claim of the same source that this one
	// replaces, or the zero ClaimID. Required for a [Retracted] claim.
	Supersedes ClaimID
	// Citation is where the statement can be read. Optional.
	Citation Citation
}

// Relative is a figure stated relative to another claim's: "about half as
// many" as the government's 626 is Relative{To: gov, Ratio: 0.5, Kind:
// About}. The zero Relative (no To) means the claim is not relative.
type Relative struct {
	// To is the claim referred to.
	To ClaimID
	// Ratio multiplies that claim's figure; it must be positive.
	Ratio decimal.Decimal
	// Kind qualifies the product as a [Quantity] kind would: [Exactly],
	// [About], [Nearly], [AtLeast], [MoreThan], [AtMost] or [FewerThan].
	Kind QuantityKind
}

// IsZero reports whether r is the zero Relative.
func (r Relative) IsZero() bool { return !r.To.IsValid() && r.Ratio.IsZero() && r.Kind == 0 }

// Equal reports whether r and o are the same relation, comparing Ratio by
// value.
func (r Relative) Equal(o Relative) bool {
	return r.To == o.To && r.Kind == o.Kind && r.Ratio.Equal(o.Ratio)
}

// Apply resolves r against the figure n of the claim it refers to:
// n × Ratio rounded to the nearest integer (halves away from zero), said
// with r's Kind. "About half as many" as 626 is "about 313". An invalid r
// (see [Claim.Validate]), a negative n or a product above [MaxCount] is a
// [*FieldError].
func (r Relative) Apply(n int) (Quantity, error) {
	if err := r.validate(); err != nil {
		return Quantity{}, err
	}
	if n < 0 {
		return Quantity{}, fieldErr("Quantity", strconv.Itoa(n), "negative count")
	}
	p := decimal.NewFromInt(int64(n)).Mul(r.Ratio).Round(0)
	if p.GreaterThan(decimal.NewFromInt(MaxCount)) {
		return Quantity{}, fieldErr("Relative.Ratio", r.Ratio.String(), "product with %d exceeds %d", n, MaxCount)
	}
	return NewQuantity(r.Kind, int(p.IntPart()))
}

func (r Relative) validate() error {
	var errs []error
	if !r.To.IsValid() {
		errs = append(errs, fieldErr("Claim.Relative.To", "", "missing"))
	}
	if r.Ratio.Sign() <= 0 || r.Ratio.GreaterThan(decimal.NewFromInt(1000)) {
		errs = append(errs, fieldErr("Claim.Relative.Ratio", r.Ratio.String(), "want a ratio in (0, 1000]"))
	}
	switch r.Kind {
	case Exactly, About, Nearly, AtLeast, MoreThan, AtMost, FewerThan:
	default:
		errs = append(errs, fieldErr("Claim.Relative.Kind", r.Kind.String(), "want a single-number kind"))
	}
	return errors.Join(errs...)
}

// Citation is where a statement can be read.
type Citation struct {
	// URL of the statement or report; "" if none. An absolute http or https
	// URL.
	URL string
	// Quote is the statement's own words, as short as makes the figure
	// clear.
	Quote string
	// Language is the quote's BCP 47 tag ("es", "en"), stored in canonical
	// form; "" if unknown.
	Language string
}

// plainHTTPURL reports whether s is an http or https URL of the plainest
// form: "http://" or "https://", a host of ASCII letters, digits, dots and
// hyphens, and, after a slash, only unreserved characters and the
// delimiters that url.Parse takes as they are (no '%' escape, no '#', no
// port, no user). Every such URL is one url.Parse reads with that scheme
// and a host, so it passes without being parsed: parsing allocates, and a
// file of a million claims citing a million URLs would pay it a million
// times. Anything else is parsed.
func plainHTTPURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	i := 0
	for i < len(rest) && (isASCIIAlnum(rest[i]) || rest[i] == '.' || rest[i] == '-') {
		i++
	}
	if i == 0 || i < len(rest) && rest[i] != '/' {
		return false
	}
	for ; i < len(rest); i++ {
		if c := rest[i]; !isASCIIAlnum(c) && !strings.ContainsRune("-._~/?=&+,;:@!$*()'", rune(c)) {
			return false
		}
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func (c Citation) validate() error {
	var errs []error
	if c.URL != "" && (len(c.URL) > MaxURLLen || !plainHTTPURL(c.URL)) {
		u, err := url.Parse(c.URL)
		switch {
		case len(c.URL) > MaxURLLen:
			errs = append(errs, fieldErr("Claim.Citation.URL", c.URL, "longer than %d bytes", MaxURLLen))
		case !utf8.ValidString(c.URL):
			errs = append(errs, fieldErr("Claim.Citation.URL", c.URL, "not valid UTF-8"))
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			errs = append(errs, fieldErr("Claim.Citation.URL", c.URL, "want an absolute http or https URL"))
		}
	}
	if len(c.Quote) > MaxQuoteLen {
		errs = append(errs, fieldErr("Claim.Citation.Quote", c.Quote, "longer than %d bytes", MaxQuoteLen))
	} else if !utf8.ValidString(c.Quote) {
		errs = append(errs, fieldErr("Claim.Citation.Quote", c.Quote, "not valid UTF-8"))
	}
	if c.Language != "" && !isPlainLanguage(c.Language) {
		if t, err := language.Parse(c.Language); err != nil {
			errs = append(errs, fieldErr("Claim.Citation.Language", c.Language, "not a BCP 47 language tag"))
		} else if t.String() != c.Language {
			errs = append(errs, fieldErr("Claim.Citation.Language", c.Language, "not canonical; want %q", t.String()))
		}
	}
	return errors.Join(errs...)
}

// isPlainLanguage reports whether tag is one of plainLanguages: canonical
// as written, so the full BCP 47 parser can be spared the commonest case on
// the path of reading a million claims.
func isPlainLanguage(tag string) bool { return plainLanguages[tag] }

// plainLanguages are the primary language tags that reports in this
// domain commonly carry, each canonical as written
// (TestPlainLanguagesAreCanonical).
var plainLanguages = map[string]bool{
	"es": true, "en": true, "pt": true, "fr": true, "de": true, "ru": true, "be": true, "uk": true,
	"ar": true, "fa": true, "my": true, "zh": true, "it": true, "nl": true, "pl": true, "tr": true,
}

// CanonicalLanguage returns the canonical form of a BCP 47 tag ("ES-ve" →
// "es-VE"), for filling [Citation.Language].
func CanonicalLanguage(tag string) (string, error) {
	if plainLanguages[tag] {
		return tag, nil
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "", fieldErr("Citation.Language", tag, "not a BCP 47 language tag")
	}
	return t.String(), nil
}

// Validate reports every field that breaks its rule, joined with
// [errors.Join]; each is a [*FieldError].
func (c Claim) Validate() error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if !c.ID.IsValid() {
		add(fieldErr("Claim.ID", "", "missing"))
	}
	if !c.Source.IsValid() {
		add(fieldErr("Claim.Source", "", "missing"))
	}
	add(c.validateVia())
	// The day stated: zero for an instant outside years 1–9999 (or none).
	statedDay := c.StatedDay()
	if c.Stated.IsZero() {
		add(fieldErr("Claim.Stated", "", "missing"))
	} else if !statedDay.IsValid() {
		add(fieldErr("Claim.Stated", c.Stated.Format(time.RFC3339), "year outside 1–9999"))
	} else if _, off := c.Stated.Zone(); off%60 != 0 || off <= -24*3600 || off >= 24*3600 {
		// RFC 3339 writes offsets in whole minutes below 24 hours: any
		// other offset (a zone's local mean time before 1912, say) would
		// not survive the JSON encoding.
		add(fieldErr("Claim.Stated", c.Stated.Format(time.RFC3339), "zone offset %ds not whole minutes within ±24h", off))
	}
	if !c.Measure.IsValid() {
		add(fieldErr("Claim.Measure", c.Measure.String(), "unknown value"))
	}
	if !c.Scope.IsValid() && (c.Relative.IsZero() || c.Scope != (release.Scope{})) {
		// Name the part that is missing, so that a reader blames its
		// column and not its neighbour's.
		if !c.Scope.Population().IsValid() {
			add(fieldErr("Claim.Scope.Population", "", "missing"))
		}
		if !c.Scope.Region().IsValid() {
			add(fieldErr("Claim.Scope.Region", "", "missing"))
		}
	}
	if !c.Status.IsValid() {
		add(fieldErr("Claim.Status", c.Status.String(), "unknown value"))
	}
	if !c.Basis.IsValid() {
		add(fieldErr("Claim.Basis", c.Basis.String(), "unknown value"))
	}
	add(c.validateFigure())
	add(c.validateNamed())
	if c.Supersedes.IsValid() && c.Supersedes == c.ID {
		add(fieldErr("Claim.Supersedes", c.Supersedes.String(), "a claim cannot supersede itself"))
	}
	if first := c.Scope.Period().First(); first.IsValid() && !c.Stated.IsZero() && statedDay.Before(first) && c.Status != Pledged {
		// A count of what has not begun: "626 freed" said in 2025 about
		// 2030. A forecast is not a claim of releases; said as one, with
		// status Pledged, it may be about days still to come.
		add(fieldErr("Claim.Scope.Period", c.Scope.Period().String(), "period begins %s, after the day the claim was stated (%s)", first, c.StatedDay()))
	}
	if c.Status == Retracted && !c.Supersedes.IsValid() {
		add(fieldErr("Claim.Supersedes", "", "a retraction must name the claim it withdraws"))
	}
	add(c.Citation.validate())
	return errors.Join(errs...)
}

func (c Claim) validateVia() error {
	if len(c.Via) > MaxVia {
		return fieldErr("Claim.Via", fmt.Sprint(len(c.Via)), "more than %d relays", MaxVia)
	}
	for i, v := range c.Via {
		switch {
		case !v.IsValid():
			return fieldErr("Claim.Via", "", "empty relay at %d", i)
		case v == c.Source:
			return fieldErr("Claim.Via", v.String(), "the source cannot relay itself")
		case slices.Contains(c.Via[:i], v):
			return fieldErr("Claim.Via", v.String(), "listed twice")
		}
	}
	return nil
}

func (c Claim) validateFigure() error {
	hasQ, hasR := c.Quantity.IsValid(), !c.Relative.IsZero()
	switch {
	case hasQ && hasR:
		return fieldErr("Claim.Relative", c.Relative.To.String(), "set together with Quantity; want one")
	case hasR:
		return c.Relative.validate()
	case !hasQ && c.Status != Retracted:
		return fieldErr("Claim.Quantity", "", "missing")
	}
	return nil
}

func (c Claim) validateNamed() error {
	if len(c.Named) > MaxNamed {
		return fieldErr("Claim.Named", fmt.Sprint(len(c.Named)), "more than %d names", MaxNamed)
	}
	seen := make(map[release.DetaineeID]struct{}, len(c.Named))
	for i, id := range c.Named {
		if !id.IsValid() {
			return fieldErr("Claim.Named", "", "empty detainee ID at %d", i)
		}
		if _, dup := seen[id]; dup {
			return fieldErr("Claim.Named", id.String(), "listed twice")
		}
		seen[id] = struct{}{}
	}
	if c.Quantity.IsValid() {
		if hi, ok := c.Quantity.Bounds().Hi(); ok && len(c.Named) > hi {
			return fieldErr("Claim.Named", fmt.Sprint(len(c.Named)), "names more people than the quantity %s allows", c.Quantity)
		}
	}
	return nil
}

// StatedDay returns the calendar day of [Claim.Stated] in its own location.
func (c Claim) StatedDay() release.Date { return release.DateOf(c.Stated) }

// StatedOn returns the time that stands for a statement known to the day
// only: midnight UTC at the start of d. Evidence stores every [Claim.DayOnly]
// claim's Stated in this form, so that equal claims encode identically.
func StatedOn(d release.Date) time.Time { return d.Start(time.UTC) }

// Canonical returns c with Stated in canonical form: for a [Claim.DayOnly]
// claim, midnight UTC of its local day ([StatedOn]); otherwise c itself.
func (c Claim) Canonical() Claim {
	if c.DayOnly {
		c.Stated = StatedOn(c.StatedDay())
	}
	return c
}

// StatedBy returns the last instant at which the statement may have been
// made: Stated itself, or for a statement known to the day only, the last
// nanosecond of its day. Reading evidence as of t uses a claim only if
// StatedBy is not after t, so that no reading uses what may have been said
// later.
func (c Claim) StatedBy() time.Time {
	if !c.DayOnly {
		return c.Stated
	}
	next, ok := c.StatedDay().AddDays(1)
	if !ok {
		return c.Stated
	}
	return StatedOn(next).Add(-time.Nanosecond)
}

// StatedByIn is [Claim.StatedBy] for a reader who keeps days in loc: a
// statement known to the day only is known by the end of its day there
// (nil is UTC, as StatedBy). A newsroom in Caracas reading "as of the 25th"
// means the end of the 25th in Caracas, four hours after its end in UTC.
func (c Claim) StatedByIn(loc *time.Location) time.Time {
	if !c.DayOnly || loc == nil {
		return c.StatedBy()
	}
	next, ok := c.StatedDay().AddDays(1)
	if !ok {
		return c.Stated
	}
	return next.Start(loc).Add(-time.Nanosecond)
}

// ResolvedScope returns the claim's scope with an open end of its period
// closed at the day the claim was stated: "626 freed since December", said
// on 25 January, is about 1 December to 25 January. A claim stated before
// its period begins keeps its period's first day as the end.
func (c Claim) ResolvedScope() release.Scope {
	p, _ := c.Scope.Period().CloseEnd(c.StatedDay())
	return c.Scope.WithPeriod(p)
}

// IsRelay reports whether the claim reached the record through an outlet.
func (c Claim) IsRelay() bool { return len(c.Via) > 0 }

// Clone returns a copy of c that shares no slice with it.
func (c Claim) Clone() Claim {
	c.Via = slices.Clone(c.Via)
	c.Named = slices.Clone(c.Named)
	return c
}

// Equal reports whether c and o are the same claim: equal fields, with
// Stated compared as an instant and its offset ([time.Time.Equal] plus the
// zone offset, which decides the local day) or, for a [Claim.DayOnly]
// claim, as a local day; decimals by value, and nil and empty slices alike.
func (c Claim) Equal(o Claim) bool { return c.EqualTo(&o) }

// EqualTo is [Claim.Equal] through pointers: it reports whether *c and *o
// are the same claim, without copying either. A nil claim equals only nil.
func (c *Claim) EqualTo(o *Claim) bool {
	if c == o || c == nil || o == nil {
		return c == o
	}
	// The cheap, most telling fields first; a time's zone last.
	if c.ID != o.ID || c.Source != o.Source || c.DayOnly != o.DayOnly || c.Measure != o.Measure ||
		c.Status != o.Status || c.Basis != o.Basis || c.Supersedes != o.Supersedes ||
		c.Scope != o.Scope || c.Quantity != o.Quantity || !slices.Equal(c.Via, o.Via) ||
		!slices.Equal(c.Named, o.Named) || c.Citation != o.Citation || !c.Relative.Equal(o.Relative) {
		return false
	}
	if c.DayOnly {
		return c.StatedDay() == o.StatedDay()
	}
	_, off1 := c.Stated.Zone()
	_, off2 := o.Stated.Zone()
	return c.Stated.Equal(o.Stated) && off1 == off2
}

// String returns a one-line summary: "ID: SOURCE says MEASURE QUANTITY in
// SCOPE (STATUS, stated TIME)". It shows no detainee.
func (c Claim) String() string {
	fig := c.Quantity.String()
	if !c.Relative.IsZero() {
		fig = c.Relative.Kind.String() + " " + c.Relative.Ratio.String() + "× " + c.Relative.To.String()
	}
	return fmt.Sprintf("%s: %s says %s %s in %s (%s, stated %s)", c.ID, c.Source, c.Measure, fig,
		c.Scope, c.Status, c.statedText())
}

// statedText writes Stated as RFC 3339, or as its day alone for a
// statement known to the day only.
func (c Claim) statedText() string {
	if c.DayOnly {
		return c.StatedDay().String()
	}
	return c.Stated.Format(time.RFC3339)
}

// statedJSON is Stated as JSON reads and writes it: an RFC 3339 instant,
// or a date alone ("2026-01-25") for a statement known to the day only.
type statedJSON struct {
	t       time.Time
	dayOnly bool
}

func (s statedJSON) MarshalJSON() ([]byte, error) {
	if s.dayOnly {
		return json.Marshal(release.DateOf(s.t).String())
	}
	return json.Marshal(s.t)
}

func (s *statedJSON) UnmarshalJSON(data []byte) error {
	var text string
	if err := json.Unmarshal(data, &text); err != nil {
		return err
	}
	if d, err := release.ParseDate(text); err == nil {
		*s = statedJSON{StatedOn(d), true}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		return fmt.Errorf("want an RFC 3339 time with its offset, or a date alone (YYYY-MM-DD)")
	}
	*s = statedJSON{t, false}
	return nil
}

type relativeJSON struct {
	To    ClaimID         `json:"to"`
	Ratio decimal.Decimal `json:"ratio"`
	Kind  QuantityKind    `json:"kind"`
}

type citationJSON struct {
	URL      string `json:"url,omitempty"`
	Quote    string `json:"quote,omitempty"`
	Language string `json:"language,omitempty"`
}

type claimJSON struct {
	ID         ClaimID              `json:"id"`
	Source     SourceID             `json:"source"`
	Via        []SourceID           `json:"via,omitempty"`
	Stated     statedJSON           `json:"stated"`
	Measure    Measure              `json:"measure"`
	Scope      *release.Scope       `json:"scope,omitempty"`
	Quantity   *Quantity            `json:"quantity,omitempty"`
	Relative   *relativeJSON        `json:"relative,omitempty"`
	Status     Status               `json:"status"`
	Basis      Basis                `json:"basis"`
	Named      []release.DetaineeID `json:"named,omitempty"`
	Supersedes ClaimID              `json:"supersedes,omitzero"`
	Citation   *citationJSON        `json:"citation,omitempty"`
}

// MarshalJSON writes the claim's fields; Stated in RFC 3339 with its
// offset (a date alone for a [Claim.DayOnly] claim), Scope left out when
// zero (a relative claim taking its referent's), Quantity as its phrase ("at least 104"), Ratio as a canonical
// decimal string. The claim must be valid.
func (c Claim) MarshalJSON() ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	v := claimJSON{
		ID: c.ID, Source: c.Source, Via: c.Via, Stated: statedJSON{c.Stated, c.DayOnly}, Measure: c.Measure,
		Status: c.Status, Basis: c.Basis, Named: c.Named, Supersedes: c.Supersedes,
	}
	if c.Scope != (release.Scope{}) {
		v.Scope = &c.Scope
	}
	if c.Quantity.IsValid() {
		v.Quantity = &c.Quantity
	}
	if !c.Relative.IsZero() {
		v.Relative = &relativeJSON{c.Relative.To, Canonical(c.Relative.Ratio), c.Relative.Kind}
	}
	if c.Citation != (Citation{}) {
		v.Citation = &citationJSON{c.Citation.URL, c.Citation.Quote, c.Citation.Language}
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads what [Claim.MarshalJSON] writes and validates it.
func (c *Claim) UnmarshalJSON(data []byte) error {
	// Fields of other packages' types are decoded apart so that a failure
	// is reported by its field (Claim.Stated, Claim.Scope, ...), not as the
	// whole input.
	var in struct {
		claimJSON
		Stated   json.RawMessage `json:"stated"`
		Scope    json.RawMessage `json:"scope"`
		Quantity json.RawMessage `json:"quantity"`
		Named    json.RawMessage `json:"named"`
		Relative *struct {
			relativeJSON
			Ratio json.RawMessage `json:"ratio"`
		} `json:"relative"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return decodeErr("Claim", data, &in, err)
	}
	v := in.claimJSON
	d := Claim{
		ID: v.ID, Source: v.Source, Via: v.Via, Measure: v.Measure,
		Status: v.Status, Basis: v.Basis, Supersedes: v.Supersedes,
	}
	var stated statedJSON
	for _, f := range []struct {
		field string
		raw   json.RawMessage
		dst   any
	}{
		{"Claim.Stated", in.Stated, &stated},
		{"Claim.Scope", in.Scope, &d.Scope},
		{"Claim.Named", in.Named, &d.Named},
	} {
		if err := decodeField(f.field, f.raw, f.dst); err != nil {
			return err
		}
	}
	d.Stated, d.DayOnly = stated.t, stated.dayOnly
	if len(in.Quantity) > 0 && string(in.Quantity) != "null" {
		// Read apart, so that a phrase that cannot be read is reported as
		// Claim.Quantity, whatever other field happens to hold the same
		// text.
		var text string
		if err := json.Unmarshal(in.Quantity, &text); err != nil {
			return fieldErr("Claim.Quantity", "", "want a JSON string")
		}
		q, err := ParseQuantity(text)
		if err != nil {
			if fe, ok := errors.AsType[*FieldError](err); ok {
				return fe.Within("Claim", "Quantity")
			}
			return err
		}
		d.Quantity = q
	}
	if r := in.Relative; r != nil {
		d.Relative = Relative{To: r.To, Kind: r.Kind}
		if err := decodeField("Claim.Relative.Ratio", r.Ratio, &d.Relative.Ratio); err != nil {
			return err
		}
		d.Relative.Ratio = Canonical(d.Relative.Ratio)
	}
	if v.Citation != nil {
		d.Citation = Citation{v.Citation.URL, v.Citation.Quote, v.Citation.Language}
	}
	if err := d.Validate(); err != nil {
		return err
	}
	*c = d
	return nil
}
