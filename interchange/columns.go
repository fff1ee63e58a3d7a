package interchange

// Records returns the names of the record types this package exchanges,
// in the order of the package documentation: "sources", "claims",
// "verifications", "detainees", "events", "figures", "discrepancies".
func Records() []string {
	return []string{"sources", "claims", "verifications", "detainees", "events", "figures", "discrepancies"}
}

// Columns returns the CSV columns of a record type named as [Records]
// names them, in the order writers write them (for detainees, with the
// name and national_id columns that only [WriteDisclosed] writes), or nil
// for an unknown name. JSON Lines output of figures and discrepancies
// ([WriteResults]) uses the same names as keys.
func Columns(record string) []string {
	switch record {
	case "sources":
		return columnNames(sourceTable)
	case "claims":
		return columnNames(claimTable)
	case "verifications":
		return columnNames(verificationTable)
	case "detainees":
		return columnNames(newDetaineeTable(true))
	case "events":
		return columnNames(eventTable)
	case "figures":
		return columnNames(figureTable)
	case "discrepancies":
		return columnNames(discrepancyTable)
	}
	return nil
}

// RequiredColumns returns the columns of a record type that a CSV header
// must name.
func RequiredColumns(record string) []string {
	var out []string
	add := func(names []string, req []bool) {
		for i, n := range names {
			if req[i] {
				out = append(out, n)
			}
		}
	}
	switch record {
	case "sources":
		add(columnsRequired(sourceTable))
	case "claims":
		add(columnsRequired(claimTable))
	case "verifications":
		add(columnsRequired(verificationTable))
	case "detainees":
		add(columnsRequired(newDetaineeTable(true)))
	case "events":
		add(columnsRequired(eventTable))
	case "figures":
		add(columnsRequired(figureTable))
	case "discrepancies":
		add(columnsRequired(discrepancyTable))
	}
	return out
}

func columnNames[T any](t *table[T]) []string {
	out := make([]string, len(t.columns))
	for i, c := range t.columns {
		out[i] = c.name
	}
	return out
}

func columnsRequired[T any](t *table[T]) ([]string, []bool) {
	req := make([]bool, len(t.columns))
	for i, c := range t.columns {
		req[i] = c.required
	}
	return columnNames(t), req
}
