// Package install is berean's module manager: it installs, updates and
// removes CrossWire SWORD modules from remote repositories, in the layout
// and with the configuration files libsword uses, so that what berean
// installs diatheke, Xiphos and BibleTime read, and the other way round.
//
// # Library root
//
// Modules go into one library root, ~/.sword by default (the first
// --sword-path on the command line): the conf in <root>/mods.d/<name>.conf,
// the data where the conf's DataPath says, relative to the root
// (modules/texts/ztext/<name>/ and so on). Other roots (/usr/share/sword,
// $SWORD_PATH) are consulted to tell whether a module is installed but are
// never changed: Debian's modules belong to apt.
//
// # Repository list and caches (shared with libsword)
//
// The repositories are those of libsword's installer configuration,
// <root>/InstallMgr/InstallMgr.conf, which with the default root is the
// very file libsword's installmgr reads and writes (~/.sword/InstallMgr):
//
//	[General]
//	PassiveFTP=true
//	[Sources]
//	HTTPSSource=CrossWire|crosswire.org|/ftpmirror/pub/sword/raw|||CrossWire
//	HTTPSource=local|127.0.0.1:8080|/|||local
//
// Each TYPESource line is Caption|host[:port]|directory|user|password|uid;
// TYPE is FTP, HTTP, HTTPS or SFTP. berean fetches HTTP and HTTPS, and FTP
// sources on ftp.crosswire.org through CrossWire's HTTPS mirror
// (https://crosswire.org/ftpmirror/...); other FTP sources are listed but
// skipped. Rewriting the list keeps [General] and every other section;
// [Sources] is written in libsword's syntax, always with an explicit uid
// (libsword's default uid is the host, and two repositories on one host
// would then share a cache). Until the file has a [Sources] section the
// well-known public repositories apply (DefaultSources: CrossWire,
// CrossWire Beta, eBible.org, IBT, Bible.org, Xiphos, by their published
// HTTPS addresses); the first "repos add" or "repos remove" writes them.
//
// A repository's package directory (see below) is not part of libsword's
// syntax. For the well-known repositories berean knows it; for others it
// may be given when adding the repository and is kept in a section of its
// own that libsword ignores and preserves:
//
//	[BereanPackageDirs]
//	<uid>=/path/of/rawzip
//
// The catalogue of a repository is cached where libsword caches it,
// <root>/InstallMgr/<uid>/mods.d/*.conf, so "installmgr -rl CAPTION" lists
// what "berean modules refresh" fetched, and the other way round.
//
// # Repository protocol
//
// A repository is a directory D on a web server (sword-format.md §6):
//
//	D/mods.d.tar.gz            gzip'd tar of mods.d/<name>.conf: the catalogue
//	D/mods.d/<name>.conf       the same confs, loose (used when the archive is missing)
//	D/modules/...              the module data, laid out as under a library root
//	P/<Name>.zip               optional per-module package: mods.d/<name>.conf + modules/...
//
// Refresh: GET D/mods.d.tar.gz and unpack its mods.d/*.conf members into a
// fresh directory; if the archive is missing (404) or unreadable, GET the
// HTML listing of D/mods.d/ and each *.conf in it (not on network errors,
// where the listing would fail alike). Confs that do not parse are dropped;
// a catalogue without modules is an error. The new catalogue replaces the
// cache by rename, so a failed refresh keeps the previous one.
//
// Available: every module section (one with ModDrv) of the cached confs,
// flagged against the installed copy by Version (dotted numbers compared
// numerically; absent means 1.0): new, update, installed or older.
// Enciphered modules (a CipherKey key) are flagged; those whose CipherKey
// is empty are locked.
//
// Install, in the order tried:
//
//  1. JSword/AndBible style: GET P/<Name>.zip (Name is the conf's section
//     name, case preserved) from the package directory P: the declared or
//     known one, else D/packages/rawzip, D/../packages/rawzip and D/zip. A
//     404 moves on to the next place.
//  2. libsword style: take DataPath from the catalogue conf (its directory
//     part for lexicon and general-book drivers), GET the HTML listing of
//     D/<datadir>/, GET every file and recurse into subdirectories; the
//     catalogue conf's section becomes the installed conf.
//
// Listings are read as libsword reads them (<a href="NAME">, NAME starting
// with a letter or digit, "NAME/" a directory), and additionally only plain
// names are followed: no absolute URLs, queries, "..", hidden names or
// slashes inside a name.
//
// # Transport
//
// Client fetches with net/http (HTTP/1.1 and HTTP/2, proxies from the
// environment). Every request has a deadline (30 min) and an idle timeout
// (30 s without a byte, waiting for the headers included), so a stalled
// server cannot hang an install. Network errors, stalls, truncated bodies,
// 408, 429 and 5xx answers are retried 3 times with exponential backoff
// (0.5 s doubling, ±25% jitter); 404 and other 4xx answers are not. A body
// shorter than its Content-Length is a truncation; one longer, or over the
// size limit (1 GiB per file), is refused. Progress is reported per chunk.
//
// # Safety rules
//
// Archives and listings come from the network and are not trusted:
//
//   - Every zip entry is checked before anything is written: its name must
//     be relative, without "..", backslashes, NUL bytes or drive letters;
//     it must be a regular file or a directory (symlinks, devices and pipes
//     are refused); names must be unique; the count (10 000) and the sum of
//     the declared sizes (2 GiB) are capped.
//   - Only the module's own conf (into mods.d/) and files under the
//     module's data directory are written. Any other entry fails the
//     install (confs of other modules are skipped).
//   - Each entry must inflate to exactly its declared size, and its CRC-32
//     must match (zip bombs and corruption alike stop the install). Files
//     are created with O_EXCL in a fresh directory, so nothing existing is
//     overwritten and no link is followed.
//   - Catalogue archives: only mods.d/*.conf regular members are kept, each
//     at most 1 MiB, at most 50 000 of them, and the inflated stream is
//     capped at 256 MiB (skipped members included).
//   - A conf whose DataPath is absolute, contains "..", is empty, points
//     into mods.d or a hidden directory, or names a directory less than two
//     levels deep ("modules", "modules/texts", which hold other modules) is
//     refused, as is a data directory that overlaps another installed
//     module's, or a conf file name that belongs to another module.
//
// # Atomic installs
//
// A module is downloaded and unpacked into a staging directory on the same
// file system, <root>/.berean-staging/install-XXXX/new/, and validated
// there: the conf parses and names the module; the files the driver needs
// are present (zText: a complete ot or nt set of .?zs/.?zv/.?zz with the
// BlockType letter; RawText: .vss and data; zLD: .idx/.dat/.zdx/.zdt; ...)
// and index files are a whole number of records; package sword opens the
// module and reads the first verse of every chapter (every compressed block
// of a book- or chapter-blocked module) or entries of a lexicon. Only then
// is the library touched, by renames:
//
//  1. a journal is written to the staging directory;
//  2. the old version's data directory is renamed into the staging
//     directory (kept until the end), and the new one renamed into place;
//  3. the new conf is renamed into mods.d, replacing the old conf of the
//     same name in one step; old confs under other names are moved away;
//  4. the staging directory, old version included, is deleted.
//
// A failure before step 1 (network, corrupt archive, unsafe entry, failed
// validation) leaves the library exactly as it was. A process killed during
// steps 2-4 leaves the journal; the next berean that takes the library's
// lock completes the change from it (each step checks what is already
// done). Staging directories without a journal are deleted. Between the two
// renames of step 2 the module's data directory is briefly absent, and
// between steps 2 and 3 the new data sits beside the old conf (programs
// that already have the files open keep reading the old ones). One process
// at a time changes a root: <root>/.berean-staging/lock is held with
// flock(2) for each install and removal.
//
// Removal renames the module's confs out of mods.d first (libsword and
// berean stop seeing the module at once), then its data directory, and
// prunes the data directory's parents that became empty. A data directory
// shared with another module is kept.
//
// # Locked modules
//
// An enciphered module whose conf has an empty CipherKey installs like any
// other but cannot be read. Install reports it with how to unlock it: get
// the key from the publisher (the conf's UnlockURL when it has one), then
// run "berean modules unlock NAME KEY" (Manager.Unlock), which writes
// CipherKey=KEY into the installed conf, as libsword's front ends do.
//
// # Telling the rest of berean
//
// Options.OnChange is called after Install, Update, Remove and Unlock calls
// that changed the library. Programs that keep modules open and do not
// install themselves (berean serve) can use Watcher or Watch: Stamp is the
// library's fingerprint (sword.Library.Fingerprint, the one the search index
// and the verify model are keyed by), which every install, update and
// removal changes.
package install
