package xref

import (
	"testing"

	"berean/index"
	"berean/internal/devcorpus"
)

func devIndex(t testing.TB) *index.Index { return devcorpus.Index(t) }
