package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/sample"
	"github.com/backchannel-news/backchannel/model"
)

// stdinName is the path that stands for standard input, and the name the
// document read from it is shown under.
const stdinName = "-"

// loadCorpus loads paths, or the sample corpus when there are none, and
// reports each file that could not be loaded on one line of stderr. ok is
// false when nothing loaded; the caller exits non-zero.
func loadCorpus(e *env, paths []string) (c *model.Corpus, ok bool) {
	var err error
	if len(paths) == 0 {
		c, err = sample.Load()
	} else {
		c, err = corpus.Build(discover(e, paths))
	}
	if c != nil {
		for _, p := range c.Problems {
			fmt.Fprintf(e.stderr, "backchannel: %s\n", p)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "backchannel: %v\n", err)
		return c, false
	}
	return c, true
}

// discover expands paths; "-" adds one document read from stdin, after the
// files.
func discover(e *env, paths []string) ([]corpus.Source, []model.Problem) {
	var files []string
	stdin := 0
	for _, p := range paths {
		if p == stdinName {
			stdin++
		} else {
			files = append(files, p)
		}
	}
	sources, problems := corpus.Discover(files)
	if stdin > 0 {
		sources = append(sources, corpus.Source{Name: stdinName, Read: func() ([]byte, error) { return readStdin(e.stdin) }})
	}
	if stdin > 1 {
		problems = append(problems, model.Problem{Path: stdinName, Reason: "named more than once; standard input is read once"})
	}
	return sources, problems
}

func readStdin(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, errors.New("no standard input")
	}
	data, err := io.ReadAll(io.LimitReader(r, corpus.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > corpus.MaxFileSize {
		return nil, corpus.ErrTooLarge
	}
	return data, nil
}
