package pwt

import (
	"slices"
	"strings"
)

// defaultCodes are the ISO codes of the 182 countries of the embedded table,
// sorted. Knowing whether a country is in the
// table is part of validating every scenario with a [history] table; parsing
// the whole table for it cost every command about 0.1 s of CPU, so the codes
// are listed here, and TestDefaultCodes checks them against the table.
var defaultCodes = strings.Fields("" +
	"ABW AGO AIA ALB ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD " +
	"BGR BHR BHS BIH BLR BLZ BMU BOL BRA BRB BRN BTN BWA CAF CAN CHE " +
	"CHL CHN CIV CMR COD COG COL COM CPV CRI CUW CYM CYP CZE DEU DJI " +
	"DMA DNK DOM DZA ECU EGY ESP EST ETH FIN FJI FRA GAB GBR GEO GHA " +
	"GIN GMB GNB GNQ GRC GRD GTM HKG HND HRV HTI HUN IDN IND IRL IRN " +
	"IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KNA KOR KWT LAO LBN " +
	"LBR LCA LKA LSO LTU LUX LVA MAC MAR MDA MDG MDV MEX MKD MLI MLT " +
	"MMR MNE MNG MOZ MRT MSR MUS MWI MYS NAM NER NGA NIC NLD NOR NPL " +
	"NZL OMN PAK PAN PER PHL POL PRT PRY PSE QAT ROU RUS RWA SAU SDN " +
	"SEN SGP SLE SLV SRB STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD " +
	"TGO THA TJK TKM TTO TUN TUR TWN TZA UGA UKR URY USA UZB VCT VEN " +
	"VGB VNM YEM ZAF ZMB ZWE")

// DefaultHas reports whether the embedded table (Default) has the country
// with ISO code iso, without parsing the table.
func DefaultHas(iso string) bool {
	_, ok := slices.BinarySearch(defaultCodes, iso)
	return ok
}

// DefaultCountries returns the number of countries in the embedded table.
func DefaultCountries() int { return len(defaultCodes) }
