// Package pwt reads the Penn World Table (PWT 9.1) and ships it embedded.
//
// Conventions:
//
//   - A Table holds, per country (ISO 3166-1 alpha-3 code), one Row per year,
//     sorted by year, with the variables growth accounting needs (see Var).
//     Units are PWT's own: rgdpna and rnna in million 2011 USD at constant national
//     prices, rkna and rtfpna as indices (2011 = 1), emp in millions of persons,
//     avh in hours per person per year, hc an index, labsh a fraction of GDP, delta
//     a fraction of the capital stock per year, csh_i a fraction of GDP (at current
//     PPPs), pop in millions of people. The columns delta, csh_i and pop are
//     optional (see Var.Optional).
//   - A missing value (an empty cell in the CSV) is kept as missing: Row.Value
//     reports whether the value is present. It is never read as zero.
//   - Read is strict: a number that does not parse, a non-finite number, a ragged
//     row, a duplicated (isocode, year) or a missing column is an error that names
//     the line and column.
//
// Default returns the complete PWT 9.1 embedded in the package (pwt91.csv.gz; see
// README.md in this directory for provenance, licence — CC BY 4.0 — and the
// citations required when the data are used).
package pwt
