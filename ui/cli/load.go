package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/backchannel-news/backchannel/corpus"
	"github.com/backchannel-news/backchannel/corpus/sample"
	"github.com/backchannel-news/backchannel/model"
)

// stdinName is the path that stands for standard input, and the name the
// document read from it is shown under.
const stdinName = "-"

// loadFlags are the loading flags every command that reads a corpus shares.
type loadFlags struct {
	quiet bool
}

func (f *loadFlags) define(fs *flag.FlagSet) {
	fs.BoolVar(&f.quiet, "quiet", false, "show no loading progress on stderr (files that cannot be loaded are still reported)")
}

// load loads paths, or the sample corpus when there are none, and reports
// each file that could not be loaded on one line of stderr. ok is false
// when nothing loaded; the caller exits non-zero. A load that outlasts
// ui.RevealDelay shows its progress on stderr, if stderr is a terminal and
// not quiet: never on stdout, which scripts read.
func (f loadFlags) load(e *env, paths []string) (c *model.Corpus, ok bool) {
	var progress func(corpus.Progress)
	line := f.progressLine(e)
	if line != nil {
		progress = line.update
	}
	c, err := buildCorpus(e, paths, progress)
	line.clear()
	reportProblems(e, c, err)
	return c, err == nil
}

// progressLine is where progress goes: nil when quiet or when stderr is
// not a terminal, as a log file or a pipe would keep every rewrite.
func (f loadFlags) progressLine(e *env) *progressLine {
	if f.quiet || !isTerminal(e.stderr) {
		return nil
	}
	return newProgressLine(e.stderr, terminalWidth(e.stderr), time.Now)
}

// buildCorpus loads paths, or the sample corpus when there are none,
// calling progress (which may be nil) as files are read.
func buildCorpus(e *env, paths []string, progress func(corpus.Progress)) (*model.Corpus, error) {
	if len(paths) == 0 {
		return sample.Load()
	}
	sources, problems := discover(e, paths)
	return corpus.BuildWith(sources, problems, corpus.Options{Progress: progress})
}

// reportProblems prints each file that could not be loaded, then err.
func reportProblems(e *env, c *model.Corpus, err error) {
	if c != nil {
		for _, p := range c.Problems {
			fmt.Fprintf(e.stderr, "backchannel: %s\n", p)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "backchannel: %v\n", err)
	}
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
