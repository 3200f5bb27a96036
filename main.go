// Command backchannel is a terminal reader for leak transcripts and the news
// coverage around them.
package main

import (
	"os"

	"github.com/backchannel-news/backchannel/ui/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
