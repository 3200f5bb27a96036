package curation

import (
	"os"
	"path/filepath"
	"testing"
)

// A mistyped extra path loads nothing, so it must not decide where the
// curation of the corpus that did load is kept: the same corpus opened
// again without the typo has to find its annotations.
func TestPathForIgnoresPathsThatDoNotExist(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	corpus := t.TempDir()
	other := t.TempDir()
	missing := filepath.Join(corpus, "no-such-file.md")
	for _, c := range []struct {
		name       string
		typed, ran []string
	}{
		{"one folder and a typo", []string{corpus, missing}, []string{corpus}},
		{"two folders and a typo", []string{missing, corpus, other}, []string{corpus, other}},
	} {
		got, err := PathFor(c.typed)
		if err != nil {
			t.Fatal(err)
		}
		want, err := PathFor(c.ran)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: PathFor(%q) = %s, want %s as for %q", c.name, c.typed, got, want, c.ran)
		}
	}
	if got, _ := PathFor([]string{corpus, missing}); got != filepath.Join(corpus, FileName) {
		t.Errorf("a writable folder and a typo: annotations at %s, want next to the folder", got)
	}
}

// Documents read from standard input exist on no path; their annotations
// must still not be the sample corpus's.
func TestPathForNothingOnDiskIsNotTheSample(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	sample, _ := PathFor(nil)
	stdin, err := PathFor([]string{"-"})
	if err != nil {
		t.Fatal(err)
	}
	if stdin == sample {
		t.Fatalf("standard input shares the sample's annotations file %s", sample)
	}
	if _, err := os.Stat(filepath.Dir(stdin)); err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
}
