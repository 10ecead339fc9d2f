package results

import (
	"bytes"
	"errors"
	"math"
	"testing"
)

// TestWriteCSVRefusesNonFinite checks that the analysis CSV files (through
// writeCSV) refuse a NaN or an infinity and write nothing.
func TestWriteCSVRefusesNonFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var buf bytes.Buffer
		err := writeCSV(&buf, []string{"param", "swing"}, [][]string{{"capital.ict_share", Format(1)}, {"gdp.growth_pct+", Format(bad)}})
		var ne *NonFiniteCellError
		if !errors.As(err, &ne) || ne.Row != 2 || ne.Column != "swing" || ne.Key != "gdp.growth_pct+" {
			t.Errorf("%v: got %v", bad, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%v: wrote %q", bad, buf.String())
		}
	}
}
