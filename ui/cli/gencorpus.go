package cli

import "github.com/backchannel-news/backchannel/corpus/gen"

func genCorpusCommand() *command {
	return &command{
		name:        "gen-corpus",
		summary:     "write an invented corpus of N documents, for trying and benchmarking",
		passthrough: gen.Command,
	}
}
