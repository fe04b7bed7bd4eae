package ask

import (
	"fmt"
	"strings"
	"testing"
)

func TestProbe(t *testing.T) {
	ix := devIndex(t)
	for _, w := range strings.Fields("forever anxious most helper ask sinned") {
		fmt.Println(w, ix.StrongsForWord(w), ix.DefinitionsWith(w))
	}
	n := 0
	for _, name := range []string{"ANXIETY", "CARE", "CARE, WORLDLY", "CAREFULNESS", "WORRY", "TRUST", "PRAYER"} {
		refs, ok := ix.TopicRefs(name)
		fmt.Println(name, ok, len(refs), strings.Contains(strings.Join(refs, ","), "Phil.4.6"))
		n++
	}
}
