package link

// DefaultRules returns blocking rules derived from the kinds of the fields
// of schema s, for a schema that has no rules of its own; [Link] uses them
// when [Config.Rules] is empty. They are meant to propose, together, nearly
// every pair that comparing all pairs would link, while comparing a small
// share of the pairs:
//
//   - every identifying field alone: a national ID, an identifier, a code,
//     a date, a free-text field, whole;
//   - a free-text field also by its sound ([Phonetic]), which survives
//     most typos and spelling variants;
//   - a [PersonName] by first given name and one surname, by its
//     surnames in any order, by all its words in any order, and by the
//     sound of each word in blocks of at most 50 (rare names);
//   - each two fields together by a loose key of each (the first two
//     letters of text, the first given name's first two letters, the year
//     of a date, a year, a category, a place, the first three characters
//     of a code), which catches records of one person whose every field
//     has a typo but that still agree roughly on two.
//
// Fields are taken in the schema's order; if the rules would be more than
// [MaxRules], pairs of fields later in the schema are left out. Blocks
// larger than [Config.MaxBlock] are skipped as for any rule, so a loose
// pair of fields such as a sex and a year costs nothing on large lists;
// [Result.Blocking] reports what each rule proposed and what it missed.
func DefaultRules(s Schema) []Rule {
	var single, pairs []Rule
	add := func(name string, maxBlock int, keys ...Key) {
		single = append(single, Rule{Name: name, Keys: keys, MaxBlock: maxBlock})
	}
	for _, f := range s.fields {
		switch f.Kind {
		case CedulaID, Identifier, Date:
			add(f.Name, 0, Key{Field: f.Name, Part: Whole})
		case Code:
			add(f.Name, rareBlock, Key{Field: f.Name, Part: Whole})
		case Text:
			add(f.Name, rareBlock, Key{Field: f.Name, Part: Whole})
			add(f.Name+"~sound", rareBlock, Key{Field: f.Name, Part: Phonetic})
		case PersonName:
			add(f.Name+"~given-surname", looseBlock, Key{Field: f.Name, Part: FirstToken}, Key{Field: f.Name, Part: EachSurname})
			add(f.Name+"~surnames", looseBlock, Key{Field: f.Name, Part: Surnames})
			add(f.Name+"~words", 0, Key{Field: f.Name, Part: TokenSet})
			add(f.Name+"~sound", rareBlock, Key{Field: f.Name, Part: Phonetic})
		}
	}
	for a := range s.fields {
		ka, ok := looseKey(s.fields[a])
		if !ok {
			continue
		}
		for b := a + 1; b < len(s.fields); b++ {
			kb, ok := looseKey(s.fields[b])
			if !ok {
				continue
			}
			pairs = append(pairs, Rule{Name: s.fields[a].Name + "+" + s.fields[b].Name, Keys: []Key{ka, kb}, MaxBlock: looseBlock})
		}
	}
	if room := MaxRules - len(single); len(pairs) > room {
		pairs = pairs[:max(room, 0)]
	}
	out := append(single, pairs...)
	if len(out) == 0 {
		// No identifying field and no two fields to pair (a lone year or
		// category): the rare values alone.
		for _, f := range s.fields {
			out = append(out, Rule{Name: f.Name, Keys: []Key{{Field: f.Name, Part: Whole}}, MaxBlock: rareBlock})
		}
	}
	return out[:min(len(out), MaxRules)]
}

// Largest blocks of the default rules that compare a value that many
// people share (a town, a house number, a word) alone, and of those that
// compare two loose keys: beyond them, the rule's key is too common to
// say much, and other rules must pair the records.
const (
	rareBlock  = 50
	looseBlock = 100
)

// looseKey returns the loose blocking key of field f, and false if its kind
// has none (a national ID is compared whole or not at all).
func looseKey(f Field) (Key, bool) {
	switch f.Kind {
	case Text:
		return Key{Field: f.Name, Part: Prefix, N: 2}, true
	case PersonName:
		return Key{Field: f.Name, Part: FirstToken, N: 2}, true
	case Date:
		return Key{Field: f.Name, Part: YearOf}, true
	case Year, Categorical, Path:
		return Key{Field: f.Name, Part: Whole}, true
	case Code:
		return Key{Field: f.Name, Part: Prefix, N: 3}, true
	}
	return Key{}, false
}
