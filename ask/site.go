package ask

import (
	"net/url"
	"strings"
)

// Leave-site-out: data/topics.tsv and data/named.tsv were read from the
// sites of the training part of testdata/public.tsv, often from the very
// page a training question was taken from. When the fit or the evaluation
// asks such a question, the rows of the tables from the question's site
// do not contribute: the question is answered from the tables as they
// would be had that site never been read, as a question of the test part
// (whose sites the tables never read) is. Each row keeps its site;
// Asker.ask and Examples take what the question they ask leaves out (a
// question's leave field); Ask, for any other question, leaves nothing
// out.

// leave is what a question asked by the fit or the evaluation leaves out
// of the data it is answered from: the tables' rows from its site, and,
// for a question the question frequencies count (one of the training
// part), its own count there (QuestionDF.without). The zero value leaves
// nothing out.
type leave struct {
	site string
	self bool
}

// leave is what the question leaves out when it is asked: the rows from
// its source's site; its own question count when it is of the training
// part, which the question frequencies count (data/qdf.tsv and TestFit's).
func (j *Judged) leave() leave {
	return leave{site: siteOf(j.Source), self: j.Part == "train"}
}

// siteOf is the site of a page's address: its host name in lower case
// without a leading "www.", "mail." or "m." (the rule that splits
// testdata/public.tsv into parts by site) and without the trailing dot of
// a fully qualified name ("biblehub.com." is biblehub.com); "" when addr
// has no host.
func siteOf(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil {
		return ""
	}
	h := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	for _, p := range []string{"www.", "mail.", "m."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}
