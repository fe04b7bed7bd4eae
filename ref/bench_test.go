package ref

import (
	"strings"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	p := NewParser(Options{})
	for b.Loop() {
		if _, err := p.Parse("Heb 7:23-25; Rom 8:34, 1 John 2:1"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOSISOf(b *testing.B) {
	for b.Loop() {
		OSISOf("Isa 7:14 (Matt 1:23); 9:1, 2 (Matt 4:15, 16); 22:1")
	}
}

// A page of running text with a few references and many ordinary words.
var scanText = strings.Repeat(`The writer to the Hebrews says that Christ "always lives to make
intercession" for us (Heb 7:25), and Paul says the same in Romans 8:34. Compare the
prayer of the high priest in John 17 and the advocate of 1 John 2:1-2. Look at the
examples of Moses (Exodus 32:31-32) and of Samuel, who said he would not sin by
ceasing to pray for the people. `, 10)

func BenchmarkScan(b *testing.B) {
	p := NewParser(Options{})
	b.SetBytes(int64(len(scanText)))
	for b.Loop() {
		if len(p.Scan(scanText)) == 0 {
			b.Fatal("no matches")
		}
	}
}
