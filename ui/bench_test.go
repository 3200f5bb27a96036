package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/backchannel-news/backchannel/model"
	"github.com/backchannel-news/backchannel/model/search"
)

// bigCorpus makes docs transcripts of lines turns each, every turn a quote
// by one of speakers people.
func bigCorpus(docs, lines, speakers int) *model.Corpus {
	var ds []model.Document
	var qs []model.Quote
	sp := make([]model.Speaker, speakers)
	for i := range sp {
		sp[i] = model.Speaker{Name: fmt.Sprintf("Speaker %d", i)}
	}
	for d := 0; d < docs; d++ {
		var b strings.Builder
		for l := 0; l < lines; l++ {
			s := (d*lines + l) % speakers
			label := fmt.Sprintf("SPEAKER %d: ", s)
			start := b.Len() + len(label)
			text := fmt.Sprintf("Turn %d of call %d, about the berth, the tender and the fee that nobody wants to name.", l, d)
			b.WriteString(label + text + "\n")
			qs = append(qs, model.Quote{Doc: int32(d), Speaker: int32(s), Text: text, Start: int32(start), End: int32(start + len(text)), Line: int32(l + 1), Cue: model.CueOf("transcript"), Confidence: model.High})
		}
		text := b.String()
		ds = append(ds, model.Document{Path: fmt.Sprintf("gen/call-%d.txt", d), Title: fmt.Sprintf("Call %d", d), Kind: model.Transcript, Text: text, LineStarts: model.LineStartsOf(text)})
	}
	return model.New(ds, sp, qs, nil)
}

// BenchmarkAppAtScale measures a session over a million quotes: the frame
// drawn after each key, and a speaker filter switched on and off.
func BenchmarkAppAtScale(b *testing.B) {
	c := bigCorpus(1000, 1000, 200)
	ix := search.NewIndex(c)
	a := New(c, testRenderer(), Options{Index: ix})
	send(a, tea.WindowSizeMsg{Width: 200, Height: 50})
	b.Run("view", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			press(a, "j")
			_ = a.View()
		}
	})
	b.Run("filter", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			a.chooseSpeakers(map[int]bool{i % 200: true})
			a.chooseSpeakers(nil)
		}
	})
	b.Run("open-reader", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			a.reader.Open(i%1000, -1)
		}
	})
}

// BenchmarkNewSession is the cost of one more SSH session over a million
// quotes, with what can be shared shared.
func BenchmarkNewSession(b *testing.B) {
	c := bigCorpus(1000, 1000, 200)
	sh := NewShared(c)
	r := testRenderer()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		New(c, r, Options{Shared: sh})
	}
}
