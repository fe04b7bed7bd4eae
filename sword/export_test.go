package sword

import "time"

// CacheBlocksAged is CacheBlocks keeping copies of files that changed age
// ago (tests write their modules moments before reading them).
func CacheBlocksAged(m *VerseModule, dir string, age time.Duration) { m.cacheBlocks(dir, age) }

// Inflations is how many blocks m inflated.
func Inflations(m *VerseModule) int64 { return m.inflations.Load() }
