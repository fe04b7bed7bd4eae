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
// Asker.ask and Examples take the site of the question they ask (a
// question's site field); Ask, for any other question, leaves none out.

// siteOf is the site of a page's address: its host name in lower case
// without a leading "www.", "mail." or "m." (the rule that splits
// testdata/public.tsv into parts by site); "" when addr has no host.
func siteOf(addr string) string {
	u, err := url.Parse(strings.TrimSpace(addr))
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "mail.", "m."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}
