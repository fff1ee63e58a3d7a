package link

import (
	"errors"
	"strconv"

	"github.com/freedcount/freedcount/release"
)

// Names of the fields of [DetaineeSchema].
const (
	FieldName       = "name"
	FieldNationalID = "national_id"
	FieldBirthYear  = "birth_year"
	FieldSex        = "sex"
	FieldRegion     = "region"
	FieldFacility   = "facility"
)

// DetaineeSchema returns the schema of records made by [DetaineeRecord]:
//
//	name         PersonName   Detainee.Name
//	national_id  CedulaID     Detainee.NationalID, unique
//	birth_year   Year (±1)    Detainee.BirthYear
//	sex          Categorical  Detainee.Sex
//	region       Path         Detainee.Region
//	facility     Text         Detainee.Facility
func DetaineeSchema() Schema {
	return MustSchema(
		Field{Name: FieldName, Kind: PersonName},
		Field{Name: FieldNationalID, Kind: CedulaID, Unique: true},
		Field{Name: FieldBirthYear, Kind: Year, Tolerance: 1},
		Field{Name: FieldSex, Kind: Categorical},
		Field{Name: FieldRegion, Kind: Path},
		Field{Name: FieldFacility, Kind: Text},
	)
}

// DetaineeRules returns blocking rules for [DetaineeSchema], chosen so that
// each of the usual differences between two records of one person leaves at
// least one rule that pairs them, while no rule groups records by a common
// word alone:
//
//	national_id        the canonical cédula
//	given-surname-year first given name, one surname, year of birth
//	                   (survives a missing or swapped second surname, a
//	                   typo in the other, an added married name)
//	surnames-year      both surnames, any order, year of birth (survives
//	                   a typo in the given name)
//	given-surnames     first three letters of the first given name and
//	                   of both surnames, any order (survives a missing or
//	                   wrong year of birth, and typos after the third
//	                   letter)
//	given-surname-region
//	                   first given name, one surname, region (a missing
//	                   year with a missing second surname); blocks of at
//	                   most 30
//	given-surname-rare first given name, one surname, in blocks of at most
//	                   25: the people with rare names, whom a name
//	                   alone can link
//	words              every word of the name, any order (survives a
//	                   name written surnames first without a comma)
func DetaineeRules() []Rule {
	return []Rule{
		{Name: "national_id", Keys: []Key{{Field: FieldNationalID, Part: Whole}}},
		{Name: "given-surname-year", Keys: []Key{{Field: FieldName, Part: FirstToken}, {Field: FieldName, Part: EachSurname}, {Field: FieldBirthYear, Part: Whole}}},
		{Name: "surnames-year", Keys: []Key{{Field: FieldName, Part: Surnames}, {Field: FieldBirthYear, Part: Whole}}},
		{Name: "given-surnames", Keys: []Key{{Field: FieldName, Part: FirstToken, N: 3}, {Field: FieldName, Part: Surnames, N: 3}}},
		{Name: "given-surname-region", Keys: []Key{{Field: FieldName, Part: FirstToken}, {Field: FieldName, Part: EachSurname}, {Field: FieldRegion, Part: Whole}}, MaxBlock: 30},
		{Name: "given-surname-rare", Keys: []Key{{Field: FieldName, Part: FirstToken}, {Field: FieldName, Part: EachSurname}}, MaxBlock: 25},
		{Name: "words", Keys: []Key{{Field: FieldName, Part: TokenSet}}},
	}
}

// DetaineeConfig returns the default configuration for linking lists of
// detainees: [DetaineeSchema] and [DetaineeRules].
func DetaineeConfig() Config { return Config{Schema: DetaineeSchema(), Rules: DetaineeRules()} }

// DetaineeRecord returns the record of d for [DetaineeSchema], released
// within released (the zero Scope if the list does not record a release).
// The detainee must be valid, its national ID, if any, a cédula that
// [ParseCedula] reads, and its name, if any, one that [ParseName] reads;
// errors name the field ("Detainee.NationalID", "Detainee.Name") and never
// its value.
func DetaineeRecord(d release.Detainee, released release.Scope) (Record, error) {
	if err := d.Validate(); err != nil {
		return Record{}, err
	}
	var errs []error
	name, nationalID := d.Name.Reveal(), d.NationalID.Reveal()
	if nationalID != "" {
		if _, why := parseCedula(nationalID); why != "" {
			errs = append(errs, secretErr("Detainee.NationalID", ErrInvalid, "%s: %s", d.ID, why))
		}
	}
	if name != "" {
		if _, why := parseName(name); why != "" {
			errs = append(errs, secretErr("Detainee.Name", ErrInvalid, "%s: %s", d.ID, why))
		}
	}
	if len(errs) > 0 {
		return Record{}, errors.Join(errs...)
	}
	vals := make([]release.Secret, 6)
	vals[0], vals[1], vals[5] = d.Name, d.NationalID, release.NewSecret(d.Facility)
	if d.BirthYear != 0 {
		vals[2] = release.NewSecret(strconv.Itoa(d.BirthYear))
	}
	if d.Sex != 0 {
		vals[3] = release.NewSecret(d.Sex.String())
	}
	if d.Region.IsValid() {
		vals[4] = release.NewSecret(d.Region.String())
	}
	return Record{ID: d.ID, Values: vals, Released: released}, nil
}
