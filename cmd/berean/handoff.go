package main

import "io"

// fullBinary is the full build's file name: the lite build (lite.go) hands
// the commands it leaves out to the berean-full beside it.
const fullBinary = "berean-full"

// watchedReader is the command's stdin, recording whether it was read: a
// command that has read its input can no longer hand itself over to
// another program (handOff in the lite build), which would find it empty.
type watchedReader struct {
	r    io.Reader
	read bool
}

func (w *watchedReader) Read(p []byte) (int, error) {
	w.read = true
	return w.r.Read(p)
}
