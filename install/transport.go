package install

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	neturl "net/url"
	"os"
	"time"
)

// Errors of the transport. Wrapped with the URL; test with errors.Is.
var (
	// ErrNotFound: the server answered 404 or 410 (not retried).
	ErrNotFound = errors.New("not found on the server")
	// ErrStalled: no byte arrived for Client.IdleTimeout.
	ErrStalled = errors.New("server stalled")
	// ErrTooLarge: a download or an archive is over a size or count limit.
	ErrTooLarge = errors.New("over the size limit")
	// ErrTruncated: fewer bytes arrived than the server announced.
	ErrTruncated = errors.New("download truncated")
)

// HTTPError is an unexpected HTTP status.
type HTTPError struct {
	URL    string
	Status int
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("GET %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Is makes a 404 or 410 match ErrNotFound.
func (e *HTTPError) Is(target error) bool {
	return target == ErrNotFound && (e.Status == http.StatusNotFound || e.Status == http.StatusGone)
}

// Progress reports a download as it goes.
type Progress struct {
	Module string `json:"module,omitempty"` // the module being installed; "" for catalogues
	Source string `json:"source,omitempty"`
	URL    string `json:"url"`
	Done   int64  `json:"done"`  // bytes received so far
	Total  int64  `json:"total"` // bytes announced, -1 when unknown
	// FileDone, FileTotal count the files of a module fetched one by one
	// (libsword-style installs); 0 otherwise.
	FileDone, FileTotal int `json:"-"`
}

// Client fetches repository files over HTTP and HTTPS. The zero value is
// ready to use with the defaults documented on each field.
type Client struct {
	// HTTP is the client to use; nil means one with a 10 s dial timeout, a
	// TLS handshake timeout of IdleTimeout, and proxy settings from the
	// environment. (The idle timer of each request covers the wait for the
	// response headers.)
	HTTP *http.Client
	// Retries is the number of further attempts after a failure that may
	// pass (network errors, stalls, truncation, 408, 429 and 5xx): default 3;
	// negative means none.
	Retries int
	// Backoff is the wait before the first retry (default 500 ms), doubled
	// for each further one, with ±25% jitter, and at most 15 s.
	Backoff time.Duration
	// Timeout bounds one request, body included (default 30 min).
	Timeout time.Duration
	// IdleTimeout aborts a request when no byte arrives for this long,
	// waiting for the headers included (default 30 s).
	IdleTimeout time.Duration
	// MaxSize caps one download (default 1 GiB).
	MaxSize int64
	// UserAgent is sent with each request (default "berean-install/1").
	UserAgent string
}

func (c *Client) retries() int {
	if c.Retries < 0 {
		return 0
	}
	if c.Retries == 0 {
		return 3
	}
	return c.Retries
}

func (c *Client) backoff() time.Duration {
	if c.Backoff > 0 {
		return c.Backoff
	}
	return 500 * time.Millisecond
}

func (c *Client) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return 30 * time.Minute
}

func (c *Client) idle() time.Duration {
	if c.IdleTimeout > 0 {
		return c.IdleTimeout
	}
	return 30 * time.Second
}

func (c *Client) maxSize() int64 {
	if c.MaxSize > 0 {
		return c.MaxSize
	}
	return 1 << 30
}

func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	t := &http.Transport{
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout: c.idle(),
		IdleConnTimeout:     60 * time.Second,
		MaxIdleConnsPerHost: 4,
		ForceAttemptHTTP2:   true,
	}
	c.HTTP = &http.Client{Transport: t, CheckRedirect: checkRedirect}
	return c.HTTP
}

// checkRedirect follows at most 10 redirects and never from HTTPS to plain
// HTTP, where the download could be altered on the way.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	if via[0].URL.Scheme == "https" && req.URL.Scheme != "https" {
		return fmt.Errorf("refusing a redirect from %s to the insecure %s", via[0].URL, req.URL)
	}
	return nil
}

// Fetch downloads a small resource into memory (at most max bytes).
func (c *Client) Fetch(ctx context.Context, url string, max int64) ([]byte, error) {
	var buf []byte
	err := c.get(ctx, url, max, nil, func() error { buf = buf[:0]; return nil },
		func(p []byte) error { buf = append(buf, p...); return nil })
	if err != nil {
		return nil, err
	}
	return buf, nil
}

// Download fetches url into the file dst (created or truncated), retrying
// as documented on Client. It returns the number of bytes written.
func (c *Client) Download(ctx context.Context, url, dst string, progress func(Progress)) (int64, error) {
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, fmt.Errorf("install: %w", err)
	}
	var n int64
	err = c.get(ctx, url, c.maxSize(), progress,
		func() error {
			n = 0
			if _, err := f.Seek(0, io.SeekStart); err != nil {
				return err
			}
			return f.Truncate(0)
		},
		func(p []byte) error {
			_, err := f.Write(p)
			n += int64(len(p))
			return err
		})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

var errStalledCause = errors.New("idle timeout")

// get runs one GET with retries. reset is called before every attempt, sink
// for every chunk of the body.
func (c *Client) get(ctx context.Context, url string, max int64, progress func(Progress), reset func() error, sink func([]byte) error) error {
	var err error
	delay := c.backoff()
	for attempt := 0; ; attempt++ {
		if err = reset(); err != nil {
			return fmt.Errorf("install: %s: %w", url, err)
		}
		var retry bool
		retry, err = c.once(ctx, url, max, progress, sink)
		if err == nil {
			return nil
		}
		if !retry || attempt >= c.retries() || ctx.Err() != nil {
			return err
		}
		jitter := time.Duration(float64(delay) * (0.75 + 0.5*rand.Float64()))
		select {
		case <-ctx.Done():
			return err
		case <-time.After(jitter):
		}
		delay = min(delay*2, 15*time.Second)
	}
}

// once runs a single attempt and says whether a failure may pass on retry.
func (c *Client) once(parent context.Context, url string, max int64, progress func(Progress), sink func([]byte) error) (retry bool, err error) {
	tctx, cancelTimeout := context.WithTimeout(parent, c.timeout())
	defer cancelTimeout()
	ctx, cancel := context.WithCancelCause(tctx)
	defer cancel(nil)
	idle := c.idle()
	timer := time.AfterFunc(idle, func() { cancel(errStalledCause) })
	defer timer.Stop()

	wrap := func(err error) error {
		var ue *neturl.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is in the message already
		}
		var ne net.Error
		switch {
		case parent.Err() != nil:
			return fmt.Errorf("install: GET %s: %w", url, err)
		case errors.Is(tctx.Err(), context.DeadlineExceeded):
			return fmt.Errorf("install: GET %s: took longer than %s: %w", url, c.timeout(), err)
		case context.Cause(ctx) == errStalledCause, errors.As(err, &ne) && ne.Timeout():
			// The idle timer, or the transport's own header or TLS timeout.
			return fmt.Errorf("install: GET %s: no data for %s (%v): %w", url, idle, err, ErrStalled)
		}
		return fmt.Errorf("install: GET %s: %w", url, err)
	}

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false, fmt.Errorf("install: %w", err)
	}
	ua := c.UserAgent
	if ua == "" {
		ua = "berean-install/1"
	}
	req.Header.Set("User-Agent", ua)
	resp, err := c.httpClient().Do(req)
	if err != nil {
		// A host that does not resolve will not resolve on retry either.
		var dns *net.DNSError
		if errors.As(err, &dns) && dns.IsNotFound {
			return false, wrap(err)
		}
		return parent.Err() == nil, wrap(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
		st := resp.StatusCode
		return st == http.StatusRequestTimeout || st == http.StatusTooManyRequests || st >= 500,
			fmt.Errorf("install: %w", &HTTPError{URL: url, Status: st})
	}
	total := resp.ContentLength
	if total > max {
		return false, fmt.Errorf("install: GET %s: %d bytes announced, limit %d: %w", url, total, max, ErrTooLarge)
	}
	var done int64
	buf := make([]byte, 64*1024)
	report := func() {
		if progress != nil {
			progress(Progress{URL: url, Done: done, Total: total})
		}
	}
	report()
	for {
		n, rerr := resp.Body.Read(buf)
		if n > 0 {
			timer.Reset(idle)
			done += int64(n)
			if done > max {
				return false, fmt.Errorf("install: GET %s: over %d bytes: %w", url, max, ErrTooLarge)
			}
			if total >= 0 && done > total {
				return true, fmt.Errorf("install: GET %s: more bytes than the %d announced", url, total)
			}
			if err := sink(buf[:n]); err != nil {
				return false, fmt.Errorf("install: %s: %w", url, err)
			}
			report()
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			if errors.Is(rerr, io.ErrUnexpectedEOF) {
				return true, fmt.Errorf("install: GET %s: %d of %d bytes: %w", url, done, total, ErrTruncated)
			}
			return parent.Err() == nil, wrap(rerr)
		}
	}
	if total >= 0 && done != total {
		return true, fmt.Errorf("install: GET %s: %d of %d bytes: %w", url, done, total, ErrTruncated)
	}
	return false, nil
}
