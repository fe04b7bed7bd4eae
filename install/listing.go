package install

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// hrefRE finds the targets of links in an HTML directory listing, as
// libsword's HTTP transport does: <a href="NAME">, quoted with " or '.
var hrefRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)<a\s[^>]*?href\s*=\s*["']([^"'<>]*)["']`) })

// listEntry is one name of a directory listing.
type listEntry struct {
	Name string // unescaped file or directory name, no slash
	Dir  bool
}

// parseListing extracts the entries of an HTML directory listing (Apache,
// nginx, lighttpd, Go's http.FileServer, Python's http.server). Like
// libsword it keeps links whose target starts with a letter or a digit;
// it also drops targets that are not a single plain name (absolute URLs,
// queries, paths with several elements, "..", hidden names), so a listing
// cannot point the installer elsewhere. Duplicates are dropped.
func parseListing(html []byte) []listEntry {
	var out []listEntry
	seen := map[string]bool{}
	for _, m := range hrefRE().FindAllSubmatch(html, -1) {
		raw := strings.ReplaceAll(string(m[1]), "&amp;", "&")
		if raw == "" || !isAlnum(raw[0]) || strings.ContainsAny(raw, "?#:") {
			continue
		}
		dir := strings.HasSuffix(raw, "/")
		name, err := url.PathUnescape(strings.TrimSuffix(raw, "/"))
		if err != nil || name == "" || strings.ContainsAny(name, "/\\\x00") || name == "." || name == ".." || strings.HasPrefix(name, ".") {
			continue
		}
		key := name
		if dir {
			key += "/"
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, listEntry{Name: name, Dir: dir})
	}
	return out
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// fetchTree downloads the directory at dirURL, recursively, into dst (which
// is created), libsword style: GET the listing, GET each file, recurse into
// each subdirectory. Depth, file count and total size are bounded by lim.
func (m *Manager) fetchTree(ctx context.Context, dirURL, dst string, prog func(Progress)) error {
	budget := m.opts.Limits.maxUnpacked()
	files := 0
	var walk func(u, d string, depth int) error
	walk = func(u, d string, depth int) error {
		if depth > 8 {
			return fmt.Errorf("install: %s: directories nested too deep: %w", u, ErrUnsafe)
		}
		page, err := m.client.Fetch(ctx, u, 4<<20)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
		for _, e := range parseListing(page) {
			if e.Dir {
				if err := walk(joinURL(u, e.Name+"/"), filepath.Join(d, e.Name), depth+1); err != nil {
					return err
				}
				continue
			}
			if files++; files > m.opts.Limits.maxFiles() {
				return fmt.Errorf("install: %s: more than %d files: %w", dirURL, m.opts.Limits.maxFiles(), ErrTooLarge)
			}
			c := *m.client
			c.MaxSize = min(c.maxSize(), budget)
			n, err := c.Download(ctx, joinURL(u, e.Name), filepath.Join(d, e.Name), prog)
			if err != nil {
				return err
			}
			if budget -= n; budget <= 0 {
				return fmt.Errorf("install: %s: more than %d bytes: %w", dirURL, m.opts.Limits.maxUnpacked(), ErrTooLarge)
			}
		}
		return nil
	}
	return walk(dirURL, dst, 0)
}
