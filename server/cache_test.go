package server

import (
	"fmt"
	"testing"
)

func TestRespCacheBounds(t *testing.T) {
	c := newRespCache(10, 1000, 200)
	for i := 0; i < 100; i++ {
		c.put(fmt.Sprint("k", i), make([]byte, 50))
		if len(c.m) > 10 || c.size > 1000 {
			t.Fatalf("after %d puts: %d entries, %d bytes", i+1, len(c.m), c.size)
		}
	}
	c.put("big", make([]byte, 201))
	if _, ok := c.get("big"); ok {
		t.Errorf("an item over maxItem was kept")
	}
	c.put("x", []byte("1"))
	c.put("x", []byte("22"))
	if b, ok := c.get("x"); !ok || string(b) != "22" {
		t.Errorf("get x = %q, %v", b, ok)
	}
	total := 0
	for k, v := range c.m {
		total += len(k) + len(v)
	}
	if total != c.size {
		t.Errorf("size %d, counted %d", c.size, total)
	}
}
