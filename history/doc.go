// Package history decomposes observed GDP growth into the contributions of capital,
// labour and total factor productivity (TFP), year on year, from Penn World Table
// data (package pwt).
//
// The decomposition is a Törnqvist index (MODEL.md §5):
//
//	dln Y = ā_K·dln K + ā_L·dln L + dln A,   ā_L = (labsh_t + labsh_{t−1})/2,  ā_K = 1 − ā_L
//
// with Y = rgdpna (real GDP at constant national prices), K = rkna (capital
// services, the default) or rnna (capital stock), and L = emp·avh·hc (hours worked
// times human capital, the zero value of Options), emp·hc or emp. TFP growth dln A
// is the residual. The default inputs are the ones PWT uses for its own TFP index:
// with them, dln A equals the growth of PWT's rtfpna to about 1e-7. With
// pwt.LabourAuto (the default of simulate history) L is chosen year by year:
// emp·avh·hc where hours exist in both years, else emp·hc, else emp; the years on
// hours still reproduce rtfpna, the others do not (PWT builds rtfpna on hours).
//
// Labour's contribution is split into quantity and quality:
// ā_L·dln L = ā_L·dln(emp·avh) + ā_L·dln hc (Row.LabourHours, Row.LabourQuality;
// persons instead of hours where L has no avh). Each row also gives GDP growth
// per person (pop) and per person engaged (emp).
//
// Means returns period averages (Period: growth from one year to a later one,
// as the Total Economy Database and EU KLEMS tabulate it); Diagnose says why a
// country has no year and which other inputs would give some; ChinaOfficial and
// CompareOfficial hold China's official growth (NBS, embedded in data/, with
// its sources in data/README.md) against PWT's.
//
// SolowStart takes the starting point of a supply-side (Solow) projection from the
// same data: the capital–output ratio, investment and depreciation rates and
// capital share of a base year, and the recent trends of TFP, hours and human
// capital.
//
// Conventions:
//
//   - Growth rates are log differences, reported ×100 ("log points", close to
//     percent for small rates: 5 log points is 5.13 % simple growth). Log growth
//     is used because it makes the contributions add up exactly:
//     GDP = Capital + Labour + TFP in every Row, to rounding.
//   - Timing: the Row for year t uses the data of years t − 1 and t. The first
//     year of a series therefore has no Row. Options.From and Options.To bound t.
//   - The labour share ā_L is a fraction (0.6, not 60).
//   - A year whose inputs are missing (or cannot be logged, being ≤ 0) gets no Row;
//     it is listed in Result.Skipped with every value that was missing. Nothing
//     is filled in, interpolated or set to zero.
package history
