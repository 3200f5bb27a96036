// Package cli is backchannel's command line: with no subcommand it opens the
// reader, and its subcommands print the same model as text, JSON or CSV for
// scripts.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode"
)

// Exit statuses. Usage errors are 2, like the flag package and most Unix
// tools, so scripts can tell a typo from a failed run.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env is what a command may touch: the process's standard streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// usageError reports a misused command with its usage and returns the
	// usage exit status.
	usageError func(msg string) int
}

// command is one subcommand. To add one, write its file and list it in
// commands.
type command struct {
	name     string
	synopsis string // the arguments after the name, for usage lines
	summary  string // one line for the top-level command list
	help     string // what --help prints between the usage line and the flags
	// define declares the command's flags on fs and returns the function
	// that runs it with the positional arguments.
	define func(fs *flag.FlagSet) func(e *env, args []string) int
	// passthrough, when set, runs a command that parses its own flags and
	// prints its own help (a package's Command); define is then unused.
	passthrough func(args []string, stdout, stderr io.Writer) int
}

// commands is the dispatch table, in the order usage lists them.
func commands() []*command {
	return []*command{docsCommand(), speakersCommand(), quotesCommand(), searchCommand(), claimsCommand(), serveCommand(), genCorpusCommand()}
}

func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// Run runs backchannel with args (without the program name) and returns the
// process exit status.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		return runReader(e, nil)
	}
	// Subcommands and top-level flags are recognised only in first
	// position, so a later path named "docs" is still a path; a first one
	// can be written ./docs or after "--".
	switch first := args[0]; {
	case first == "-h" || first == "-help" || first == "--help" || first == "help":
		if len(args) > 1 && first == "help" {
			if c := lookup(args[1]); c != nil {
				if c.passthrough != nil {
					return c.passthrough([]string{"--help"}, stdout, stderr)
				}
				fs, _ := newFlagSet(c)
				commandUsage(stdout, c, fs)
				return exitOK
			}
			fmt.Fprintf(stderr, "backchannel: no command %q\n", args[1])
			usage(stderr)
			return exitUsage
		}
		usage(stdout)
		return exitOK
	case first == "-version" || first == "--version":
		fmt.Fprintln(stdout, "backchannel", version())
		return exitOK
	case first == "--":
		return runReader(e, args[1:])
	case strings.HasPrefix(first, "-") && first != "-":
		fmt.Fprintf(stderr, "backchannel: unknown flag %s\n", first)
		usage(stderr)
		return exitUsage
	}
	if c := lookup(args[0]); c != nil {
		return runCommand(e, c, args[1:])
	}
	if looksLikeCommand(args[0]) {
		fmt.Fprintf(e.stderr, "backchannel: %q is neither a command nor a file or folder%s\n", args[0], suggestCommand(args[0]))
		usage(e.stderr)
		return exitUsage
	}
	return runReader(e, args)
}

// looksLikeCommand reports whether a first argument that names no command
// was meant as one: a bare word that is not an existing path. A mistyped
// command then gets usage rather than a "no such file" line.
func looksLikeCommand(arg string) bool {
	for i, r := range arg {
		if !unicode.IsLetter(r) && (i == 0 || r != '-') {
			return false
		}
	}
	if arg == "" {
		return false
	}
	_, err := os.Lstat(arg)
	return errors.Is(err, fs.ErrNotExist)
}

func suggestCommand(word string) string {
	best, bestDist := "", 3 // further than two edits is a different word
	for _, c := range commands() {
		if d := editDistance(strings.ToLower(word), c.name); d < bestDist {
			best, bestDist = c.name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

func newFlagSet(c *command) (*flag.FlagSet, func(e *env, args []string) int) {
	fs := flag.NewFlagSet("backchannel "+c.name, flag.ContinueOnError)
	// Errors and help are printed by runCommand, to the right stream.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	run := c.define(fs)
	return fs, run
}

func runCommand(e *env, c *command, args []string) int {
	if c.passthrough != nil {
		return c.passthrough(args, e.stdout, e.stderr)
	}
	fs, run := newFlagSet(c)
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		commandUsage(e.stdout, c, fs)
		return exitOK
	}
	e.usageError = func(msg string) int {
		fmt.Fprintf(e.stderr, "backchannel %s: %s\n", c.name, msg)
		commandUsage(e.stderr, c, fs)
		return exitUsage
	}
	if err != nil {
		return e.usageError(err.Error())
	}
	return run(e, positional)
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments (the flag package stops at the first non-flag). Everything
// after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `backchannel reads leak transcripts and the news coverage around them: who
said what, where, and who contradicts whom.

Usage:
  backchannel [PATH...]              open the reader (no PATH: the sample corpus)
  backchannel COMMAND [flags] [PATH...]
  backchannel --version

PATHs are .txt, .md, .vtt and .srt files or folders (walked recursively);
"-" reads one document from standard input. With no PATH, commands use the
built-in sample corpus.

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "backchannel COMMAND --help" for a command's flags.
A command name is only a command in first position: to open a file or folder
called "docs", write ./docs or "backchannel -- docs".
`)
}

func commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: backchannel %s %s\n\n%s\n", c.name, c.synopsis, strings.TrimSpace(c.help))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}
