package main

import (
	_ "github.com/chromedp/chromedp"
	_ "github.com/kljensen/snowball/english"
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/schollz/progressbar/v3"
	_ "github.com/spf13/cobra"
	_ "github.com/ulikunitz/xz"
	_ "golang.org/x/text/unicode/norm"
)

func main() {}
