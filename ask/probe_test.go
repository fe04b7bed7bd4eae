package ask

import (
	"fmt"
	"testing"

	"berean/index"
)

func TestProbe(t *testing.T) {
	ix := devIndex(t)
	for _, w := range []string{"intercession", "intercessor", "intercede", "advocate", "priest", "priesthood", "pray", "prayer", "prayed"} {
		fmt.Println(w, index.StemTerm(w), ix.DefinitionsWith(w))
	}
}
