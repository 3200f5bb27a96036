package claims

import (
	"reflect"
	"runtime"
	"testing"
)

// Documents are read and dimensions clustered on every core; what is
// found must not depend on how many there are.
func TestFindIsTheSameOnAnyNumberOfCores(t *testing.T) {
	c, _ := genCorpus(t, 150)
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	one := Find(c)
	runtime.GOMAXPROCS(4)
	four := Find(c)
	if len(one.Topics) == 0 {
		t.Fatal("no topics found in the generated corpus")
	}
	if !reflect.DeepEqual(one, four) {
		t.Errorf("1 core found %d topics, 4 cores %d, or the same number differently", len(one.Topics), len(four.Topics))
	}
}
