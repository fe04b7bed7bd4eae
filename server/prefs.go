package server

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// prefs are the reader's choices kept across links: the Bibles shown and
// whether words link to Strong's entries. A page that is given them in its
// query (?bible=KJV&bible=WEB, ?strongs=on) stores them in cookies; a page
// given none uses the cookies, so a search result or a topic's passage
// opens in the translations last chosen. The server keeps nothing: the
// cookies are the state.
type prefs struct {
	Bibles  []string // as chosen; empty: the default (KJV)
	Strongs bool
}

const (
	biblesCookie  = "bibles"
	strongsCookie = "strongs"
	prefsMaxAge   = 365 * 24 * 3600
)

// prefs reads the choices of r, storing those given in the query.
func (u *ui) prefs(w http.ResponseWriter, r *http.Request) prefs {
	var p prefs
	if names := bibleParams(r); len(names) > 0 {
		if u.validBibles(names) {
			p.Bibles = names
			setPref(w, biblesCookie, strings.Join(names, ","))
		} else {
			p.Bibles = names // the page reports the unknown name
		}
	} else if c, err := r.Cookie(biblesCookie); err == nil {
		if names := splitList(c.Value); len(names) > 0 && u.validBibles(names) {
			p.Bibles = names
		}
	}
	if vs := r.URL.Query()["strongs"]; len(vs) > 0 {
		// The form sends a hidden "off" before the checkbox's "on": the
		// last value is the choice.
		p.Strongs = vs[len(vs)-1] == "on"
		v := "off"
		if p.Strongs {
			v = "on"
		}
		setPref(w, strongsCookie, v)
	} else if c, err := r.Cookie(strongsCookie); err == nil {
		p.Strongs = c.Value == "on"
	}
	return p
}

// validBibles reports whether every name is an installed Bible (or "all").
func (u *ui) validBibles(names []string) bool {
	for _, n := range names {
		if !utf8.ValidString(n) {
			return false
		}
	}
	_, err := u.s.cur().eng.Bibles(names)
	return err == nil
}

func setPref(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: prefsMaxAge,
		HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
