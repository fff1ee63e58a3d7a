package source_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/freedcount/freedcount/internal/errfmt"
	"github.com/freedcount/freedcount/source"
	"github.com/freedcount/freedcount/source/sourcetest"
)

func qtySingle(kind source.QuantityKind, n int) source.Quantity {
	q, err := source.NewQuantity(kind, n)
	if err != nil {
		panic(err)
	}
	return q
}

func qtyBetween(lo, hi int) source.Quantity {
	q, err := source.NewBetween(lo, hi)
	if err != nil {
		panic(err)
	}
	return q
}

func qtyVague(kind source.QuantityKind) source.Quantity {
	q, err := source.NewVague(kind)
	if err != nil {
		panic(err)
	}
	return q
}

// acceptedQuantityPhrases lists phrases ParseQuantity must read, with what they
// state. The fuzz targets start from them.
var acceptedQuantityPhrases = []struct {
	phrase string
	want   source.Quantity
}{
	// exact
	{"104", qtySingle(source.Exactly, 104)},
	{"0", qtySingle(source.Exactly, 0)},
	{"exactly 104", qtySingle(source.Exactly, 104)},
	{"exactamente 104", qtySingle(source.Exactly, 104)},
	{"Exactly 104", qtySingle(source.Exactly, 104)},
	{"  104\t", qtySingle(source.Exactly, 104)},
	// numbers
	{"1,084", qtySingle(source.Exactly, 1084)},
	{"1.084", qtySingle(source.Exactly, 1084)},
	{"1 084", qtySingle(source.Exactly, 1084)},
	{"1\u00a0084", qtySingle(source.Exactly, 1084)},
	{"1\u202f084", qtySingle(source.Exactly, 1084)},
	{"12,345,678", qtySingle(source.Exactly, 12345678)},
	{"12.345.678", qtySingle(source.Exactly, 12345678)},
	{"12 345 678", qtySingle(source.Exactly, 12345678)},
	{"2147483647", qtySingle(source.Exactly, source.MaxCount)},
	{"2,147,483,647", qtySingle(source.Exactly, source.MaxCount)},
	{"1,000", qtySingle(source.Exactly, 1000)},
	{"100", qtySingle(source.Exactly, 100)},
	// at least
	{"at least 104", qtySingle(source.AtLeast, 104)},
	{"At Least 104", qtySingle(source.AtLeast, 104)},
	{"AT LEAST 1,084", qtySingle(source.AtLeast, 1084)},
	{"at\u00a0least\u202f104", qtySingle(source.AtLeast, 104)},
	{"no fewer than 104", qtySingle(source.AtLeast, 104)},
	{"no less than 104", qtySingle(source.AtLeast, 104)},
	{"104 or more", qtySingle(source.AtLeast, 104)},
	{"104+", qtySingle(source.AtLeast, 104)},
	{"104 +", qtySingle(source.AtLeast, 104)},
	{"al menos 104", qtySingle(source.AtLeast, 104)},
	{"por lo menos 104", qtySingle(source.AtLeast, 104)},
	{"como mínimo 104", qtySingle(source.AtLeast, 104)},
	{"como minimo 104", qtySingle(source.AtLeast, 104)},
	{"COMO MÍNIMO 104", qtySingle(source.AtLeast, 104)},
	{"104 o más", qtySingle(source.AtLeast, 104)},
	{"104 o mas", qtySingle(source.AtLeast, 104)},
	{"at least 0", qtySingle(source.AtLeast, 0)},
	// more than
	{"more than 100", qtySingle(source.MoreThan, 100)},
	{"over 100", qtySingle(source.MoreThan, 100)},
	{"above 100", qtySingle(source.MoreThan, 100)},
	{"upwards of 100", qtySingle(source.MoreThan, 100)},
	{"más de 400", qtySingle(source.MoreThan, 400)},
	{"mas de 400", qtySingle(source.MoreThan, 400)},
	{"Más de 1.000", qtySingle(source.MoreThan, 1000)},
	{"more than 2147483646", qtySingle(source.MoreThan, source.MaxCount-1)},
	{"more than 0", qtySingle(source.MoreThan, 0)},
	// at most
	{"at most 36", qtySingle(source.AtMost, 36)},
	{"up to 36", qtySingle(source.AtMost, 36)},
	{"no more than 36", qtySingle(source.AtMost, 36)},
	{"36 or fewer", qtySingle(source.AtMost, 36)},
	{"36 or less", qtySingle(source.AtMost, 36)},
	{"hasta 36", qtySingle(source.AtMost, 36)},
	{"como máximo 36", qtySingle(source.AtMost, 36)},
	{"como maximo 36", qtySingle(source.AtMost, 36)},
	{"a lo sumo 36", qtySingle(source.AtMost, 36)},
	{"36 o menos", qtySingle(source.AtMost, 36)},
	{"at most 0", qtySingle(source.AtMost, 0)},
	// fewer than
	{"fewer than 10", qtySingle(source.FewerThan, 10)},
	{"less than 10", qtySingle(source.FewerThan, 10)},
	{"under 10", qtySingle(source.FewerThan, 10)},
	{"below 10", qtySingle(source.FewerThan, 10)},
	{"menos de 10", qtySingle(source.FewerThan, 10)},
	{"fewer than 1", qtySingle(source.FewerThan, 1)},
	// about
	{"about 300", qtySingle(source.About, 300)},
	{"around 300", qtySingle(source.About, 300)},
	{"approximately 300", qtySingle(source.About, 300)},
	{"roughly 300", qtySingle(source.About, 300)},
	{"some 300", qtySingle(source.About, 300)},
	{"an estimated 300", qtySingle(source.About, 300)},
	{"~300", qtySingle(source.About, 300)},
	{"~ 300", qtySingle(source.About, 300)},
	{"circa 300", qtySingle(source.About, 300)},
	{"close to 300", qtySingle(source.About, 300)},
	{"cerca de 400", qtySingle(source.About, 400)},
	{"unos 300", qtySingle(source.About, 300)},
	{"unas 300", qtySingle(source.About, 300)},
	{"alrededor de 300", qtySingle(source.About, 300)},
	{"aproximadamente 300", qtySingle(source.About, 300)},
	{"about 313", qtySingle(source.About, 313)},
	// nearly
	{"nearly 400", qtySingle(source.Nearly, 400)},
	{"almost 400", qtySingle(source.Nearly, 400)},
	{"casi 400", qtySingle(source.Nearly, 400)},
	// between
	{"between 800 and 900", qtyBetween(800, 900)},
	{"800-900", qtyBetween(800, 900)},
	{"800 - 900", qtyBetween(800, 900)},
	{"800–900", qtyBetween(800, 900)},
	{"800 – 900", qtyBetween(800, 900)},
	{"800—900", qtyBetween(800, 900)},
	{"800 — 900", qtyBetween(800, 900)},
	{"800 to 900", qtyBetween(800, 900)},
	{"from 800 to 900", qtyBetween(800, 900)},
	{"entre 800 y 900", qtyBetween(800, 900)},
	{"de 800 a 900", qtyBetween(800, 900)},
	{"between 1,000 and 2.000", qtyBetween(1000, 2000)},
	{"1 000-2 000", qtyBetween(1000, 2000)},
	{"between 800 and 800", qtyBetween(800, 800)},
	{"between 0 and 2147483647", qtyBetween(0, source.MaxCount)},
	// vague
	{"dozens", qtyVague(source.Dozens)},
	{"dozens of", qtyVague(source.Dozens)},
	{"Dozens Of", qtyVague(source.Dozens)},
	{"decenas", qtyVague(source.Dozens)},
	{"decenas de", qtyVague(source.Dozens)},
	{"hundreds", qtyVague(source.Hundreds)},
	{"hundreds of", qtyVague(source.Hundreds)},
	{"centenares", qtyVague(source.Hundreds)},
	{"centenares de", qtyVague(source.Hundreds)},
	{"cientos", qtyVague(source.Hundreds)},
	{"cientos de", qtyVague(source.Hundreds)},
	{"thousands", qtyVague(source.Thousands)},
	{"thousands of", qtyVague(source.Thousands)},
	{"miles", qtyVague(source.Thousands)},
	{"miles de", qtyVague(source.Thousands)},
	// some, and the vague counts
	{"some", qtyVague(source.Some)},
	{"Algunos", qtyVague(source.Some)},
	{"algunas", qtyVague(source.Some)},
	{"several", qtyVague(source.Several)},
	{"varios", qtyVague(source.Several)},
	{"VARIAS", qtyVague(source.Several)},
	{"a handful", qtyVague(source.Handful)},
	{"a handful of", qtyVague(source.Handful)},
	{"a few", qtyVague(source.Handful)},
	{"un puñado", qtyVague(source.Handful)},
	{"un punado de", qtyVague(source.Handful)},
	{"unos pocos", qtyVague(source.Handful)},
	{"unas cuantas", qtyVague(source.Handful)},
	{"scores", qtyVague(source.Scores)},
	{"scores of", qtyVague(source.Scores)},
	{"several dozen", qtyVague(source.SeveralDozen)},
	{"tens of thousands", qtyVague(source.TensOfThousands)},
	{"decenas de miles", qtyVague(source.TensOfThousands)},
	{"several thousand", qtyVague(source.SeveralThousand)},
	{"varios miles", qtyVague(source.SeveralThousand)},
	{"cientos de miles", qtyVague(source.HundredsOfThousands)},
	{"varias decenas", qtyVague(source.SeveralDozen)},
	{"varias decenas de", qtyVague(source.SeveralDozen)},
	{"varias docenas", qtyVague(source.SeveralDozen)},
	// issue 9: number words and collective nouns
	{"un centenar", qtySingle(source.About, 100)},
	{"más de un centenar", qtySingle(source.MoreThan, 100)},
	{"mas de un centenar de", qtySingle(source.MoreThan, 100)},
	{"medio centenar", qtySingle(source.About, 50)},
	{"una veintena", qtySingle(source.About, 20)},
	{"un millar", qtySingle(source.About, 1000)},
	{"a dozen", qtySingle(source.About, 12)},
	{"half a dozen", qtySingle(source.About, 6)},
	{"media docena", qtySingle(source.About, 6)},
	{"two dozen", qtySingle(source.About, 24)},
	{"tres centenares", qtySingle(source.About, 300)},
	{"una decena de", qtySingle(source.About, 10)},
	{"exactly a dozen", qtySingle(source.Exactly, 12)},
	{"nearly a dozen", qtySingle(source.Nearly, 12)},
	{"nearly a thousand", qtySingle(source.Nearly, 1000)},
	{"more than a hundred", qtySingle(source.MoreThan, 100)},
	{"poco más de 800", qtySingle(source.MoreThan, 800)},
	{"just over 800", qtySingle(source.MoreThan, 800)},
	{"at least three", qtySingle(source.AtLeast, 3)},
	{"cinco", qtySingle(source.Exactly, 5)},
	{"Cinco", qtySingle(source.Exactly, 5)},
	{"zero", qtySingle(source.Exactly, 0)},
	{"cero", qtySingle(source.Exactly, 0)},
	{"one", qtySingle(source.Exactly, 1)},
	{"uno", qtySingle(source.Exactly, 1)},
	{"un", qtySingle(source.Exactly, 1)},
	{"nineteen", qtySingle(source.Exactly, 19)},
	{"diecinueve", qtySingle(source.Exactly, 19)},
	{"dieciséis", qtySingle(source.Exactly, 16)},
	{"veinte", qtySingle(source.Exactly, 20)},
	{"veintidós", qtySingle(source.Exactly, 22)},
	{"VEINTIDÓS", qtySingle(source.Exactly, 22)},
	{"twenty-two", qtySingle(source.Exactly, 22)},
	{"Twenty Two", qtySingle(source.Exactly, 22)},
	{"treinta y dos", qtySingle(source.Exactly, 32)},
	{"ninety", qtySingle(source.Exactly, 90)},
	{"a hundred", qtySingle(source.Exactly, 100)},
	{"one hundred", qtySingle(source.Exactly, 100)},
	{"cien", qtySingle(source.Exactly, 100)},
	{"ciento veinte", qtySingle(source.Exactly, 120)},
	{"two hundred", qtySingle(source.Exactly, 200)},
	{"doscientos", qtySingle(source.Exactly, 200)},
	{"doscientas", qtySingle(source.Exactly, 200)},
	{"two hundred and five", qtySingle(source.Exactly, 205)},
	{"quinientos cuarenta y tres", qtySingle(source.Exactly, 543)},
	{"mil", qtySingle(source.Exactly, 1000)},
	{"a thousand", qtySingle(source.Exactly, 1000)},
	{"one thousand", qtySingle(source.Exactly, 1000)},
	{"dos mil", qtySingle(source.Exactly, 2000)},
	{"mil doscientos", qtySingle(source.Exactly, 1200)},
	{"veintiún mil", qtySingle(source.Exactly, 21000)},
	{"one thousand and five", qtySingle(source.Exactly, 1005)},
	{"one hundred and twenty thousand", qtySingle(source.Exactly, 120000)},
	{"a million", qtySingle(source.Exactly, 1_000_000)},
	{"un millón", qtySingle(source.Exactly, 1_000_000)},
	{"dos millones trescientos mil", qtySingle(source.Exactly, 2_300_000)},
	{"nine hundred and ninety-nine million nine hundred and ninety-nine thousand nine hundred and ninety-nine", qtySingle(source.Exactly, 999_999_999)},
	{"some two hundred", qtySingle(source.About, 200)},
	{"unos cien", qtySingle(source.About, 100)},
	{"casi cuatrocientos", qtySingle(source.Nearly, 400)},
	{"between two hundred and three hundred", qtyBetween(200, 300)},
	{"between one hundred and twenty thousand", qtyBetween(100, 20000)},
	{"between one hundred and five and two hundred", qtyBetween(105, 200)},
	{"entre treinta y dos y cuarenta", qtyBetween(32, 40)},
	{"entre treinta y dos mil", qtyBetween(30, 2000)},
	{"de cien a doscientos", qtyBetween(100, 200)},
	{"twenty to thirty", qtyBetween(20, 30)},
	{"twenty – thirty", qtyBetween(20, 30)},
	{"between a dozen and twenty", qtyBetween(12, 20)},
	{"fewer than ten", qtySingle(source.FewerThan, 10)},
	{"hasta cinco mil", qtySingle(source.AtMost, 5000)},
	{"ten or more", qtySingle(source.AtLeast, 10)},
}

// rejectedQuantityPhrases lists inputs ParseQuantity must reject, with a fragment of
// the reason it must give.
var rejectedQuantityPhrases = []struct {
	phrase string
	reason string
}{
	{"", "empty phrase"},
	{" \u00a0 ", "empty phrase"},
	// A minus zero is no negative count, and an exponent is no missing
	// space: each says what is wrong in a person's words.
	{"-0", "a count takes no sign; write 0 for none"},
	{"\u22120", "a count takes no sign"},
	{"1e309", "scientific notation (such as 1e6) is not a count; write the number in digits"},
	{"2E+6", "scientific notation"},
	{"more than 1e3", "scientific notation"},
	{"-5", "negative count"},
	{"104people", "missing space between a word and a number"},
	{"at least", "no number"},
	{"people", "no number"},
	{"1,5", "ambiguous thousands separator"},
	{"1.5", "ambiguous thousands separator"},
	{"1,08", "ambiguous thousands separator"},
	{"10,00", "ambiguous thousands separator"},
	{"1,0845", "ambiguous thousands separator"},
	{"1234,567", "ambiguous thousands separator"},
	{"1 5", "ambiguous thousands separator"},
	{"1,000,00", "ambiguous thousands separator"},
	{"1.084,5", "mixed thousands separators"},
	{"1,084.500", "mixed thousands separators"},
	{"1 084,500", "mixed thousands separators"},
	{"0,500", "leading zero"},
	{"007", "leading zero"},
	{"01,000", "leading zero"},
	{"-5", "negative count"},
	{"−5", "negative count"},
	{"at least -5", "negative count"},
	{"- 104", "negative count"},
	{"between 900 and 800", "low end 900 above high end 800"},
	{"900-800", "low end 900 above high end 800"},
	{"entre 900 y 800", "low end 900 above high end 800"},
	{"more than 2147483647", "no count above MaxCount"},
	{"fewer than 0", "no count is fewer than 0"},
	{"menos de 0", "no count is fewer than 0"},
	{"2147483648", "number above MaxCount"},
	{"2,147,483,648", "number above MaxCount"},
	{"99999999999999999999999999", "number above MaxCount"},
	{"between 1 and 99999999999", "number above MaxCount"},
	{"104 people", `unexpected text after the quantity "104"`},
	{"at least 104 political prisoners", `unexpected text after the quantity "at least 104"`},
	{"hundreds of people", `unexpected text after the quantity "hundreds of"`},
	{"104.", "unexpected character"},
	{"104,", "unexpected character"},
	{"104%", "unexpected character"},
	{"1_000", "unexpected character"},
	{"１０４", "unexpected character"},
	{"½", "unexpected character"},
	{"some300", "missing space"},
	{"104people", "missing space"},
	{"1e3", "scientific notation"},
	{"between 5 and", "not a quantity phrase"},
	{"about about 5", "not a quantity phrase"},
	{"1-2-3", "unexpected text after the quantity"},
	{"+104", "not a quantity phrase"},
	{"fivefold", "no number"},
	{"five six", `unexpected text after the quantity "five"`},
	{"twenty-dos", "no number"},
	{"hundred", "not a quantity phrase"},
	{"dozen", "not a quantity phrase"},
	{"between one hundred and", "not a quantity phrase"},
	{"one hundred and", `unexpected text after the quantity "one hundred"`},
	{"between thirty and twenty", "low end 30 above high end 20"},
	{"unos", "no number"},
	{"some of", "unexpected text after the quantity \"some\""},
	{strings.Repeat("one ", 33), "more than 32 words"},
	{"\xff104", "not valid UTF-8"},
	{strings.Repeat(" ", 300) + "104", "longer than 256 bytes"},
}

func TestParseQuantityAcceptsPressPhrases(t *testing.T) {
	for _, tc := range acceptedQuantityPhrases {
		t.Run(tc.phrase, func(t *testing.T) {
			got, err := source.ParseQuantity(tc.phrase)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.want.String(), got.String())
		})
	}
}

func TestParseQuantityRejectsWithReason(t *testing.T) {
	for _, tc := range rejectedQuantityPhrases {
		t.Run(tc.phrase, func(t *testing.T) {
			got, err := source.ParseQuantity(tc.phrase)
			require.Error(t, err)
			assert.Equal(t, source.Quantity{}, got)
			assertQuantityPhraseError(t, err, tc.phrase)
			assert.Contains(t, err.Error(), tc.reason)
		})
	}
}

// assertQuantityPhraseError checks that err is what ParseQuantity must
// return for phrase: a *FieldError for "Quantity" repeating the phrase,
// wrapping ErrInvalid.
func assertQuantityPhraseError(t require.TestingT, err error, phrase string) {
	assert.ErrorIs(t, err, source.ErrInvalid)
	fe, ok := errors.AsType[*source.FieldError](err)
	if assert.True(t, ok, "%v is not a *FieldError", err) {
		assert.Equal(t, "Quantity", fe.Field())
		assert.Equal(t, errfmt.Quote(phrase), fe.Value)
	}
	assert.True(t, strings.HasPrefix(err.Error(), "source: "), err.Error())
}

func TestMustQuantityPanicsOnBadPhrase(t *testing.T) {
	assert.Equal(t, qtySingle(source.AtLeast, 104), source.MustQuantity("al menos 104"))
	assert.Panics(t, func() { source.MustQuantity("104 people") })
}

// propParseQuantityPhraseGivesItsQuantity: every generated phrase, in either
// language and with any separators, case, accents and spacing, reads as the
// quantity it was written from.
func propParseQuantityPhraseGivesItsQuantity(t *rapid.T) {
	c := sourcetest.QuantityWithPhrase().Draw(t, "case")
	got, err := source.ParseQuantity(c.Phrase)
	if err != nil {
		t.Fatalf("ParseQuantity(%q): %v", c.Phrase, err)
	}
	if got != c.Want {
		t.Fatalf("ParseQuantity(%q) = %v, want %v", c.Phrase, got, c.Want)
	}
}

func TestParseQuantityPhraseGivesItsQuantity(t *testing.T) {
	rapid.Check(t, propParseQuantityPhraseGivesItsQuantity)
}

func FuzzParseQuantityPhraseGivesItsQuantity(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propParseQuantityPhraseGivesItsQuantity))
}

// propParseQuantityRejectsInvalidPhrase: every generated bad phrase is a
// *FieldError for "Quantity" that repeats it and wraps ErrInvalid.
func propParseQuantityRejectsInvalidPhrase(t *rapid.T) {
	s := sourcetest.InvalidQuantityPhrase().Draw(t, "phrase")
	got, err := source.ParseQuantity(s)
	if err == nil {
		t.Fatalf("ParseQuantity(%q) = %v, want an error", s, got)
	}
	if got != (source.Quantity{}) {
		t.Fatalf("ParseQuantity(%q) returned %v with its error", s, got)
	}
	if !errors.Is(err, source.ErrInvalid) {
		t.Fatalf("ParseQuantity(%q): %v does not wrap ErrInvalid", s, err)
	}
	fe, ok := errors.AsType[*source.FieldError](err)
	if !ok || fe.Field() != "Quantity" || fe.Value != errfmt.Quote(s) {
		t.Fatalf("ParseQuantity(%q): %#v is not a FieldError for Quantity repeating the phrase", s, err)
	}
}

func TestParseQuantityRejectsInvalidPhrase(t *testing.T) {
	rapid.Check(t, propParseQuantityRejectsInvalidPhrase)
}

func FuzzParseQuantityRejectsInvalidPhrase(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(propParseQuantityRejectsInvalidPhrase))
}

// propParseQuantityIgnoresCaseAccentsAndSpace: upper-casing a phrase,
// padding it with white space or widening its spaces to no-break ones
// changes neither whether it parses nor what it gives.
func propParseQuantityIgnoresCaseAccentsAndSpace(t *rapid.T) {
	c := sourcetest.QuantityWithPhrase().Draw(t, "case")
	variants := []string{
		strings.ToUpper(c.Phrase),
		strings.ToLower(c.Phrase),
		" \u00a0" + c.Phrase + "\u202f ",
	}
	for _, v := range variants {
		got, err := source.ParseQuantity(v)
		if err != nil || got != c.Want {
			t.Fatalf("ParseQuantity(%q) = %v, %v; want %v", v, got, err, c.Want)
		}
	}
}

func TestParseQuantityIgnoresCaseAccentsAndSpace(t *testing.T) {
	rapid.Check(t, propParseQuantityIgnoresCaseAccentsAndSpace)
}

// TestParseQuantityAllocatesNothing pins the reading cost of issue 10: a
// phrase that parses, in digits or in words, ASCII or accented, allocates
// nothing (a claims file holds one per line).
func TestParseQuantityAllocatesNothing(t *testing.T) {
	for _, tc := range acceptedQuantityPhrases {
		if n := testing.AllocsPerRun(20, func() { _, _ = source.ParseQuantity(tc.phrase) }); n != 0 {
			t.Errorf("ParseQuantity(%q) allocates %v times", tc.phrase, n)
		}
	}
}

// TestParseQuantityReadsGeneratedNumberWords checks the number-word table
// against the generator's writers at every count up to 2,000 and at the
// scale words: each count, written in words by sourcetest, reads back.
func TestParseQuantityReadsGeneratedNumberWords(t *testing.T) {
	counts := []int{999_999_999, 1_000_000, 1_000_001, 21_000, 21_021, 100_000, 101_101, 999_999}
	for n := range 2001 {
		counts = append(counts, n)
	}
	for _, n := range counts {
		for _, phrase := range sourcetest.NumberWords(n) {
			got, err := source.ParseQuantity(phrase)
			if err != nil || got != qtySingle(source.Exactly, n) {
				t.Fatalf("ParseQuantity(%q) = %v, %v; want %d", phrase, got, err, n)
			}
		}
	}
}
