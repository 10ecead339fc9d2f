package results

import (
	"bytes"
	"testing"

	"simulate/cii"
)

func TestWriteRanksCSV(t *testing.T) {
	var b bytes.Buffer
	err := WriteRanksCSV(&b, []cii.RankInterval{{Industry: "finance", Base: 1, Median: 1, P5: 1, P95: 2.5, Best: 1, Worst: 3}})
	if err != nil {
		t.Fatal(err)
	}
	want := "industry,base_rank,median_rank,p5_rank,p95_rank,best_rank,worst_rank\nfinance,1,1,1,2.5,1,3\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
