package install

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// RepoOptions adjust WriteRepository.
type RepoOptions struct {
	// Modules names the modules to publish (all of the root when empty).
	Modules []string
	// NoPackages leaves out packages/rawzip/ (a libsword-only repository).
	NoPackages bool
	// NoFiles leaves out the loose modules/ tree (a package-only repository).
	NoFiles bool
}

// WriteRepository publishes modules of the library root src as a
// repository in dst, in the layout doc.go describes: mods.d.tar.gz, the
// loose mods.d/, modules/ and packages/rawzip/<Name>.zip. Serve dst with any
// static file server (http.FileServer in tests). Existing files in dst are
// overwritten.
func WriteRepository(dst, src string, o RepoOptions) error {
	mods, err := scanLibrary(src, Limits{})
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, n := range o.Modules {
		want[strings.ToLower(n)] = true
	}
	var picked []installedModule
	for _, im := range mods {
		if len(want) == 0 || want[strings.ToLower(im.Name)] || want[strings.ToLower(im.Abbreviation)] {
			if im.LayoutErr != nil {
				return fmt.Errorf("install: repository: %w", im.LayoutErr)
			}
			picked = append(picked, im)
		}
	}
	if len(picked) == 0 {
		return fmt.Errorf("install: repository: no modules to publish from %s", src)
	}
	if err := os.MkdirAll(filepath.Join(dst, "mods.d"), 0o755); err != nil {
		return err
	}
	var tgz bytes.Buffer
	zw := gzip.NewWriter(&tgz)
	tw := tar.NewWriter(zw)
	now := time.Now()
	for _, im := range picked {
		conf, err := os.ReadFile(filepath.Join(src, "mods.d", im.ConfFile))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, "mods.d", im.ConfFile), conf, 0o644); err != nil {
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Name: "mods.d/" + im.ConfFile, Mode: 0o644, Size: int64(len(conf)), ModTime: now, Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		if _, err := tw.Write(conf); err != nil {
			return err
		}
		files, err := moduleFiles(src, im.Layout.Dir)
		if err != nil {
			return err
		}
		if !o.NoFiles {
			for _, rel := range files {
				if err := copyFile(filepath.Join(src, filepath.FromSlash(rel)), filepath.Join(dst, filepath.FromSlash(rel))); err != nil {
					return err
				}
			}
		}
		if !o.NoPackages {
			if err := writePackage(filepath.Join(dst, "packages", "rawzip", im.Name+".zip"), src, "mods.d/"+im.ConfFile, files); err != nil {
				return err
			}
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dst, "mods.d.tar.gz"), tgz.Bytes(), 0o644)
}

// moduleFiles lists the regular files under a data directory, relative to
// the root, slash-separated.
func moduleFiles(root, dir string) ([]string, error) {
	var out []string
	base := filepath.Join(root, filepath.FromSlash(dir))
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "lucene" && p != base {
			return filepath.SkipDir // libsword's local search index, not module data
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out, err
}

func writePackage(zipPath, root, conf string, files []string) error {
	if err := os.MkdirAll(filepath.Dir(zipPath), 0o755); err != nil {
		return err
	}
	f, err := os.Create(zipPath)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, rel := range append([]string{conf}, files...) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: rel, Method: zip.Deflate, Modified: time.Now()})
		if err != nil {
			f.Close()
			return err
		}
		r, err := os.Open(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			f.Close()
			return err
		}
		_, err = io.Copy(w, r)
		r.Close()
		if err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func copyFile(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
