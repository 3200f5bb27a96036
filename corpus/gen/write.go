package gen

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WriteDir writes a corpus of docs documents from seed under dir and
// returns the bytes written. dir is created if missing and must otherwise
// be empty: generated files never replace a user's own.
func WriteDir(dir string, seed int64, docs int) (int64, error) {
	if err := prepareDir(dir); err != nil {
		return 0, err
	}
	g := New(seed, docs)
	var total int64
	for i := 0; i < docs; i++ {
		f := g.File(i)
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(f.Name)), f.Data); err != nil {
			return total, err
		}
		total += int64(len(f.Data))
	}
	return total, nil
}

// WriteQuoteLines writes QuoteLines(seed, n) to path, one per line, for
// timing other search tools on the lines backchannel's benchmarks use.
func WriteQuoteLines(path string, seed int64, n int) (int64, error) {
	var b strings.Builder
	for _, l := range QuoteLines(seed, n) {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return int64(b.Len()), writeNew(path, []byte(b.String()))
}

func prepareDir(dir string) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("%s is a file, not a folder", dir)
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s is not empty; give a new or empty folder", dir)
	}
	return nil
}

// writeNew writes data to a temporary file and links it into place, failing
// if path already exists, so a half-written file is never visible and an
// existing file is never replaced. There is no fsync: the output is
// reproducible from the seed, and ten thousand syncs would dominate.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gen-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file private; a corpus is ordinary documents.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// Link fails with EEXIST instead of silently replacing, unlike Rename.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists", path)
		}
		return err
	}
	return nil
}

const usage = `Usage: backchannel gen-corpus N DIR [--seed S]
       backchannel gen-corpus --quote-lines N FILE [--seed S]

Writes N invented articles and call transcripts under DIR (new or empty),
the same for the same seed. With --quote-lines, writes N invented quotes to
FILE, one per line, the lines the search benchmarks run on.
`

// Command runs `gen-corpus` with args (after the subcommand name) and
// returns the exit status.
func Command(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen-corpus", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seed := fs.Int64("seed", 1, "seed; the same seed gives the same corpus")
	lines := fs.Bool("quote-lines", false, "write N quote lines to FILE instead of documents")
	var pos []string
	// Flags may come before, between or after the two operands.
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usage)
				return 0
			}
			fmt.Fprintf(stderr, "backchannel gen-corpus: %v\n%s", err, usage)
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "backchannel gen-corpus: want a count and a destination, got %d operands\n%s", len(pos), usage)
		return 2
	}
	n, err := strconv.Atoi(pos[0])
	if err != nil || n < 1 {
		fmt.Fprintf(stderr, "backchannel gen-corpus: count %q is not a positive whole number\n", pos[0])
		return 2
	}
	if *lines {
		size, err := WriteQuoteLines(pos[1], *seed, n)
		if err != nil {
			fmt.Fprintf(stderr, "backchannel gen-corpus: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %d quote lines (%.1f MB) to %s\n", n, float64(size)/1e6, pos[1])
		return 0
	}
	size, err := WriteDir(pos[1], *seed, n)
	if err != nil {
		fmt.Fprintf(stderr, "backchannel gen-corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d documents (%.1f MB) to %s\n", n, float64(size)/1e6, pos[1])
	return 0
}
