// Package sword reads CrossWire SWORD modules in pure Go: the library of
// mods.d/*.conf files, verse-keyed modules (Bibles and commentaries: RawText,
// RawText4, zText, zText4, RawCom, RawCom4, zCom, zCom4) and lexicons
// (RawLD, RawLD4, zLD), with ZIP, BZIP2, XZ and LZSS blocks, Sapphire II
// enciphered modules, and Latin-1, UTF-8 and UTF-16 text. It returns raw
// entry markup as UTF-8; rendering is package markup's job.
//
// This comment is the reader's specification, byte by byte. Every integer on
// disk is unsigned little-endian: u16 is 2 bytes, u32 is 4. Offsets count
// bytes from the start of a file. The layouts were checked against modules
// built by libsword 1.9's own tools (imp2vs, osis2mod, imp2ld; see
// crosscheck_test.go) and against the Debian modules (installed_test.go).
//
// # Library
//
// A library root holds mods.d/*.conf and the data tree. DefaultRoots lists
// the roots searched: --sword-path values, $SWORD_PATH (colon-separated),
// ~/.sword, /usr/share/sword. The first root that has a module of a given
// name wins. A conf section with a ModDrv key is a module; others (such as
// [Globals]) are not.
//
// DataPath is relative to the root. Backslashes become slashes, leading
// slashes and one "./" are dropped, and the path is cleaned; one that then
// climbs out of the root ("..", "../x", "a/../../x") is refused, and the
// module is listed in Library.Problems instead. For verse drivers DataPath
// names a directory; for lexicon drivers a path prefix to which ".idx",
// ".dat", ".zdx" and ".zdt" are appended.
//
// # Module files and the library fingerprint
//
// ModuleInfo.Layout lists the files a module's driver reads (present or
// not), with the record size of each index file: per testament for the
// verse drivers (zText: ot.bzs, ot.bzv, ot.bzz with the BlockType letter b,
// c or v; RawText: ot.vss and ot), and the DataPath prefix's .idx, .dat
// (.zdx, .zdt for zLD; .bdt for RawGenBook) for the others; Files is their
// paths. Library.Fingerprint hashes every conf of each root's mods.d (name,
// size, modification time) and the size and modification time of each
// module's Files. It is the one key of everything derived from the modules:
// the search index, the verify model and the install watch. Nothing else
// under a data path is module data: libsword's mkfastmod writes its lucene
// index into DataPath/lucene, and a data directory may hold READMEs; adding
// them rebuilds nothing, while changing a module's data or conf rebuilds
// everything (fingerprint_test.go in the root package). Computing it for the
// Debian library (ten modules) takes a fraction of a millisecond; no command
// that only reads pays for it.
//
// # Conf files
//
// The rules are libsword 1.9's (FileMgr::getLine and SWConfig::load):
//
//   - A UTF-8 byte order mark at the start is skipped.
//   - Lines end at LF; a CR before it is dropped. Leading spaces, tabs and CRs
//     of a line are removed, and so are trailing ones.
//   - Continuation: a line piece whose last character is a backslash, and is
//     at least 2 characters long, continues on the next physical line: that
//     one backslash is dropped and the next line is appended with no
//     separator and without removing its leading blanks. So "a\\" at the end
//     continues too, keeping one backslash, and a piece that is just "\" is
//     kept as text and ends the line. A continuation at the end of the file
//     ends the line.
//   - A line starting with '#' is a comment; an empty line is skipped.
//   - A line starting with '[' opens a section named by the text up to the
//     first ']' (or to the end of the line). Lines before the first section
//     are ignored.
//   - Otherwise the line is Key=Value, split at the first '='. The key is
//     kept as written (a space before '=' stays part of it); the value is
//     trimmed. A line starting with '=' is ignored; a line with no '=' is a
//     key with an empty value. Repeated keys are all kept, in order; Get
//     returns the first (libsword's multimap lookup).
//
// About and similar values may use a small RTF subset, decoded by RTF: \par
// and \pard, \qc, \uN? (a signed UTF-16 code unit and one fallback
// character) and \\.
//
// # Verse index (all verse drivers)
//
// Each testament (ot, nt) has its own files. The versification named by the
// conf (default KJV; an unknown name falls back to KJV, as in libsword)
// numbers the slots of a testament: slot 0 is the module heading (OT only),
// slot 1 the testament heading, then for each book one slot for its
// introduction and, for each chapter, one slot for the chapter introduction
// followed by one per verse. canon.System.Slot computes the slot; the index
// holds 2 + books + chapters + verses records. A record past the end of the
// index file is an empty slot.
//
// RawText, RawCom (files ot.vss, ot; nt.vss, nt): a 6-byte record at
// slot*6 = u32 start, u16 size into the data file. RawText4, RawCom4: 8-byte
// records, u32 start, u32 size. The entry is data[start:start+size]; size 0
// is an empty slot; an entry that runs past the end of the data file is
// corrupt. Writers put a LF after each entry, outside size.
//
// zText, zCom (files ot.Xzv, ot.Xzs, ot.Xzz, where X is b, c or v for
// BlockType BOOK, CHAPTER or VERSE; default CHAPTER): a 10-byte record at
// slot*10 in .Xzv = u32 block, u32 start, u16 size. zText4, zCom4: 12-byte
// records with a u32 size. Size 0 is an empty slot. Block n's 12-byte record
// at n*12 in .Xzs = u32 offset into .Xzz, u32 compressed size, u32
// uncompressed size. The block's bytes are deciphered (if the conf has a
// CipherKey) and decompressed; the entry is block[start:start+size]. A start
// beyond the block gives an empty entry (libsword does the same). A block
// record past the end of .Xzs, a block that runs past the end of .Xzz, a
// compressed size of 0 and a block that does not decompress are corrupt. The
// uncompressed size bounds the output (plus 4 KiB of slack, at most 64 MiB).
// Several slots may point to the same bytes (linked verses). Never assume
// that block numbers follow books or that consecutive entries are adjacent.
//
// Record size. The driver names the record size, but published modules can
// be mislabelled: Debian's MHCC conf says zCom4 while its nt.bzv holds
// 82,460 bytes, 8,246 KJV New Testament slots of 10 bytes (and ot.bzv
// 241,150 = 24,115 x 10). So each testament's index file decides between
// the two sizes of its driver family (6 or 8 for the Raw drivers, 10 or 12
// for the z-drivers): the declared size when the file holds exactly the
// versification's record count of it; else the other size when the file
// holds exactly that count of the other; else (neither: a short or damaged
// index) the declared size, as libsword reads it, a record past the end
// being an empty slot. VerseModule.RecordSize reports the size used.
// libsword believes the conf: diatheke reads MHCC with 12-byte records and
// prints "Error reading ulCompOffset" or another comment's text for 4,046
// of its 4,047 comments, all of which berean reads
// (corpus.TestInstalledCommentariesAgainstDiatheke).
//
// VerseModule.Locate returns a slot's record (block, start, size) without
// reading the entry: slots with equal non-zero records share one entry. A
// commentary stores a comment on several verses at the first and links the
// following ones to it (MHCC's "Verses 16-20" at each of Matthew 28:16-20)
// or leaves them empty (package corpus reads both).
//
// Every entry ends at its first NUL byte (a zero code unit in UTF-16), as
// libsword's C strings do; an entry that is then empty is an empty slot.
//
// # The 16-bit wrap
//
// A zText/zCom size is stored modulo 65536; a longer entry loses its high
// bits (the WEB's Hosea introduction holds 125,566 bytes and records
// 60,030). libsword returns the truncated text. berean recovers the true end
// when the block's layout makes it certain. Let end = start+size and let
// starts be the sorted starts of the block's non-empty entries (read once
// from the whole index). The size is taken as wrapped only if all hold:
//
//  1. end+65536 is within the block;
//  2. end is neither the block's length nor the start of another entry;
//  3. some end+k*65536 (k >= 1) equals next, the first entry start after
//     this entry's own start, or the block's length when there is none.
//
// The entry then ends at next. An ordinary entry always ends at a start or
// at the block end, so condition 2 leaves it alone; an entry followed by
// unrelated bytes is only extended exactly to the next boundary that its
// size is congruent to.
//
// # Lexicons
//
// RawLD: P.idx holds 6-byte records (u32 offset, u16 size) into P.dat;
// RawLD4 8-byte records (u32, u32). A .dat record is the key, CR LF, then
// the body (writers add a LF after it, outside size). The key ends at the
// first backslash, CR or LF; the body starts after the first LF. A body
// starting "@LINK " names another key (the rest of its line), which is
// looked up instead; a link is never enciphered, other bodies are.
//
// zLD: P.idx holds 8-byte records (u32 offset, u32 size) into P.dat, whose
// records are the key, CR LF, then u32 block and u32 entry (or "@LINK key").
// Block n's 8-byte record at n*8 in P.zdx is u32 offset and u32 size in
// P.zdt. A block is deciphered, decompressed, and read as an entries block:
// u32 count, then count records of u32 offset and u32 size counted from the
// block's start, then the entries, each NUL-terminated (size includes the
// NUL). An offset of 0 is a deleted entry; an entry number past count, or
// bytes past the block's end, are corrupt.
//
// Keys are normalised when read and when looked up: Strong's padding (unless
// StrongsPadding=false) re-prints a key of 1 to 8 bytes whose remainder
// after an optional G/H is digits followed by at most 2 characters (a letter,
// or "!" and a letter) as 5 digits, or 4 after a G/H; then the key is
// upper-cased (unless CaseSensitiveKeys=true). Keys are sorted by bytes. In a
// lexicon whose keys are all digits, a lookup drops a G/H prefix and pads to
// 5 digits, so G1793 finds 01793 (libsword would snap to the last entry).
// Lookup binary-searches; with no exact match it returns the entry libsword
// would ("snapping": the next key if it starts with the request, else the
// previous one) and reports exact=false.
//
// # Compression
//
// CompressType (z-drivers; default LZSS): ZIP is a zlib stream. BZIP2 is a
// bzip2 stream; XZ an .xz stream. libsword 1.9 records a compressed size
// larger than a BZIP2 or XZ stream and fills the rest with zero bytes: the
// reader trims trailing zeros (an xz stream ends in "YZ"; a bzip2 stream may
// itself end in up to 5 zero bytes, given back one at a time while the
// decoder reports truncation). An xz block declares its dictionary size,
// which the decoder allocates whole; it is capped at the output limit (no
// match can reach back further than the output), rewriting the block header
// and its CRC32, and an xz block whose index states a larger size than the
// limit is corrupt.
//
// LZSS is Okumura's: a ring of 4096 bytes whose first 4078 are spaces, the
// write position starting at 4078. A flag byte governs the next 8 items,
// least significant bit first; a 1 bit is one literal byte, a 0 bit a 2-byte
// reference b0, b1 to ring position b0 | (b1&0xF0)<<4 of length
// (b1&0x0F)+3, copied byte by byte (so it may overlap the bytes it writes).
// Every output byte is also written to the ring. A reference cut short by
// the end of the input is corrupt.
//
// # Cipher
//
// A module whose conf has CipherKey=K is enciphered with Sapphire II keyed
// with the bytes of K: each compressed block (z-drivers) or each raw entry
// body (Raw drivers) is a separate stream, the state set up afresh, and a
// buffer of 2 bytes or fewer is left as it is. CipherKey present but empty
// marks a locked module: OpenVerse and OpenLex return ErrLocked, saying to
// put the publisher's key in the conf. A wrong key gives corrupt blocks or
// garbage text, never an error that names the key.
//
// # Text encoding
//
// Encoding=UTF-8 text is kept (invalid bytes become U+FFFD); UTF-16 is
// little-endian; any other value means Latin-1. With no Encoding at all
// libsword assumes Latin-1, but berean first checks each entry: valid UTF-8
// is kept as it is (the StrongsHebrew conf lacks its Encoding although its
// text is UTF-8, so libsword prints mojibake), and only other bytes are read
// as Latin-1. ASCII is the same in all of them.
//
// # Errors
//
// Problems with the data wrap ErrCorrupt in a *FormatError naming the
// module, the file and the offset, and, where the reader can tell, the
// entries affected (FormatError.Affected: the slots of a damaged block, or
// every slot past the end of a verse index cut short); an unknown module or
// key is ErrNotFound (Library.Find lists the installed modules); a locked
// module is ErrLocked; a driver, compression or block type berean cannot
// read is ErrUnsupported. No input makes the reader panic or allocate more
// than the files' sizes and the stated limits (see the Fuzz targets and
// testdata/fuzz).
//
// Never wrong text: every decompressed block is checked whole before any of
// its bytes are used. A zlib block read for an early verse keeps only the
// prefix it needs but still inflates the rest (into a 16 KiB scratch
// buffer) so that its Adler-32 is checked. With VerseModule.CacheBlocks
// (the engine keeps them in its cache directory) a block whose checks
// passed is kept, inflated, as a verified copy with a CRC-32C per 4 KiB
// chunk, keyed by the device, inode, size and modification and change
// times of the data and block files (copies.go): a later process reads a
// verse from the chunks it spans, checking their CRCs, and a module changed
// in any way is read from its files again. zlib is inflated by
// klauspost/compress's reader, about 1.3x the standard library's speed
// (opening the KJV and reading Heb 7:25, which inflates the whole 172 KB
// Hebrews block: 0.96 ms against 1.24 ms, BenchmarkInstalledEntryCold on a
// loaded machine); BZIP2's block and stream CRCs and
// XZ's check are verified by their decoders. A block is refused when it
// inflates past its stated size (plus 4 KiB) or, for zlib, past deflate's
// 1032:1 ratio. LZSS carries no check: a damaged LZSS block cannot be told
// from a good one. A verse index holds one record per slot of its
// versification; a slot whose record lies past the file's end is corrupt,
// not empty. FuzzBlockFlip and FuzzVerseFlip flip bytes of real blocks and
// accept only an error or the true text.
//
// Only regular files are opened as confs and module data (package
// internal/regfile): a FIFO, device or directory in their place is refused
// with a message saying what it is, without blocking. A conf that cannot be
// used is listed in Library.Refused with the reason; a module of the same
// name from a later root is then used with a problem saying so. A lexicon
// index record that points past its data file is left out and named by
// LexModule.Damaged; the other keys are served.
//
// Package sword/swordtest writes small modules in every one of these layouts
// for tests.
package sword
