// Package source models who said what: the bodies that state figures
// ([Source]), the figures as they were said ([Quantity]), and the
// statements themselves ([Claim]).
//
// # Quantities
//
// Reports rarely give a bare integer. "At least 104", "more than 100",
// "about half as many", "between 800 and 900", "decenas": a [Quantity]
// keeps how the number was said and gives, through [Quantity.Bounds], the
// integer [Interval] it implies. [ParseQuantity] reads English and Spanish
// phrases as they appear in reports, with thousands separators in both
// conventions ("1,084", "1.084") and numbers in words ("ciento veinte",
// "more than a hundred", "un centenar"); anything it cannot read without
// guessing is an error. "Some were freed" ([Some]) has bounds but no figure
// to quote: [Quantity.HasFigure] tells it apart.
//
// # Claims
//
// A [Claim] states a [Measure] (releases or detentions within a period, or
// people held at its end) over a release.Scope, at a moment, with a status
// (preliminary, verified, final, retracted) and a basis (a named list, an
// announcement, an estimate). A relay (AFP quoting Foro Penal) is recorded
// in [Claim.Via]: it adds provenance, never corroboration. A later claim may
// supersede an earlier one of the same source ([Claim.Supersedes]).
// [Claim.Validate] checks one claim alone; package reconcile checks claims
// against each other.
//
// # Values and errors
//
// IDs, quantities, intervals and enums are immutable values with text
// encodings that round-trip exactly; records ([Source], [Claim]) are plain
// structs with Validate and JSON encodings that validate on decoding.
// Decimals (confidences, ratios) are [github.com/shopspring/decimal] values,
// compared with Equal methods, never with ==. Every error wraps
// [ErrInvalid] and is, or joins, [*FieldError]s naming the field and value.
// Nothing in this package does I/O, reads a clock or panics on input.
package source
