package claims

import (
	"fmt"
	"math"
	"os"
	"testing"

	"github.com/backchannel-news/backchannel/corpus"
)

func TestZZPair(t *testing.T) {
	c, _ := corpus.Load([]string{os.Getenv("DBG")})
	cands := candidates(c)
	an := make([]analysis, len(cands))
	df := map[string]int{}
	for i := range cands {
		an[i] = analyse(&cands[i])
		for k := range an[i].concepts {
			df[k]++
		}
	}
	idf := func(k string) float64 { return math.Log(1 + float64(len(cands))/float64(max(df[k], 1))) }
	for i := range cands {
		for j := range cands {
			if i < j && sameDim(an[i], an[j]) {
				w, terms, ok := shared(an[i], an[j], map[string]bool{}, idf)
				fmt.Println(i, j, an[i].stances[0].dim, w, terms, ok, cands[i].claim.Holder, cands[j].claim.Holder)
			}
		}
	}
}

func sameDim(a, b analysis) bool {
	for _, x := range a.stances {
		for _, y := range b.stances {
			if x.dim == y.dim && x.side != y.side {
				return true
			}
		}
	}
	return false
}
