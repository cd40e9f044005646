package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// Errors callers may test for with errors.Is.
var (
	ErrRobots            = errors.New("disallowed by robots.txt")
	ErrTooLarge          = errors.New("body too large")
	ErrTooManyRedirects  = errors.New("too many redirects")
	ErrUnsupportedScheme = errors.New("only http and https URLs can be fetched")
	// ErrForbiddenAddress reports a target whose address is loopback,
	// private, link-local, multicast or unspecified, refused unless
	// Options.AllowPrivate is set.
	ErrForbiddenAddress = errors.New("address not fetched")
)

// AddressError reports a dialled address that the address policy refuses.
type AddressError struct {
	Addr   netip.Addr
	Reason string // "loopback", "private", ...
}

func (e *AddressError) Error() string {
	return fmt.Sprintf("%s is a %s address: %v (allowed only with AllowPrivate, --allow-private)", e.Addr, e.Reason, ErrForbiddenAddress)
}

func (e *AddressError) Unwrap() error { return ErrForbiddenAddress }

// StatusError reports an HTTP answer that is neither a success nor "not
// modified", after any retries.
type StatusError struct {
	Code       int
	RetryAfter time.Duration // the server's Retry-After, if it gave one
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (Retry-After %s)", e.RetryAfter)
	}
	return s
}

// DefaultUserAgent is the User-Agent sent when Options.UserAgent is empty.
const DefaultUserAgent = "Dyad/0.1 (news event data)"

// Options configure a Client. Zero fields take the defaults given.
type Options struct {
	UserAgent       string        // default DefaultUserAgent; its first word is the robots.txt agent name
	Timeout         time.Duration // whole request, body included (default 30s)
	MaxBytes        int64         // largest body after decoding (default 32 MiB)
	MaxRedirects    int           // default 10
	HostInterval    time.Duration // least time between requests to one host (default 1s; robots.txt Crawl-delay may raise it)
	HostConcurrency int           // requests under way to one host (default 2)
	MaxRetries      int           // retries of a 429 or 503 answer (default 3)
	RetryBase       time.Duration // first backoff without Retry-After, doubled each time (default 1s)
	MaxRetryWait    time.Duration // longest wait honoured; a longer Retry-After fails at once (default 2m)
	// IgnoreRobots turns off robots.txt. Only for sites you own.
	IgnoreRobots bool
	// AllowPrivate lets the client fetch from loopback, private,
	// link-local and multicast addresses, which it refuses by default so
	// that a feed, sitemap or redirect cannot point it at the machine it
	// runs on or its network (169.254.169.254, 127.0.0.1:6379). The check
	// is made on the address actually dialled, after DNS resolution. With
	// a proxy (HTTP_PROXY), the address dialled is the proxy's. A custom
	// Transport gets only the check of literal IP addresses in URLs.
	AllowPrivate bool
	// Cache, if set, makes requests conditional on the validators stored
	// from the last fetch of the same URL.
	Cache Cache
	// Transport sends the requests (default: a transport with dial, TLS and
	// header timeouts derived from Timeout).
	Transport http.RoundTripper
	Logger    *slog.Logger // nil discards
}

// Response is a fetched document.
type Response struct {
	URL         string // final URL, after redirects
	StatusCode  int
	Header      http.Header
	Body        []byte // decoded (gzip, deflate, br undone); empty if NotModified
	NotModified bool   // the server answered 304 to a conditional request
	Date        time.Time
}

// Client fetches documents politely. It is safe for concurrent use.
type Client struct {
	opts   Options
	http   *http.Client
	agent  string
	log    *slog.Logger
	mu     sync.Mutex
	hosts  map[string]*host
	now    func() time.Time
	jitter func() float64
	// forbidden names why an address may not be dialled, or "" if it may.
	forbidden func(netip.Addr) string
}

// host is the per-host state: pace, concurrency and robots rules.
type host struct {
	lim *rate.Limiter
	sem chan struct{}

	robotsMu   sync.Mutex
	robotsDone chan struct{} // closed when robots and robotsErr are set; nil before the first load
	robots     *robotstxt.RobotsData
	robotsErr  error
}

// New returns a Client with the given options.
func New(opts Options) *Client {
	opts.UserAgent = strings.TrimSpace(opts.UserAgent)
	if agentName(opts.UserAgent) == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 32 << 20
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = 10
	}
	if opts.HostInterval <= 0 {
		opts.HostInterval = time.Second
	}
	if opts.HostConcurrency <= 0 {
		opts.HostConcurrency = 2
	}
	if opts.MaxRetries <= 0 {
		opts.MaxRetries = 3
	}
	if opts.RetryBase <= 0 {
		opts.RetryBase = time.Second
	}
	if opts.MaxRetryWait <= 0 {
		opts.MaxRetryWait = 2 * time.Minute
	}
	log := slog.New(slog.DiscardHandler)
	if opts.Logger != nil {
		log = opts.Logger.With("component", "fetch")
	}
	c := &Client{
		opts:      opts,
		agent:     agentName(opts.UserAgent),
		log:       log,
		hosts:     map[string]*host{},
		now:       time.Now,
		jitter:    rand.Float64,
		forbidden: forbidden,
	}
	if opts.AllowPrivate {
		c.forbidden = func(netip.Addr) string { return "" }
	}
	tr := opts.Transport
	if tr == nil {
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: min(opts.Timeout, 10*time.Second), Control: c.control}).DialContext,
			TLSHandshakeTimeout:   min(opts.Timeout, 10*time.Second),
			ResponseHeaderTimeout: opts.Timeout,
			MaxIdleConnsPerHost:   opts.HostConcurrency,
			IdleConnTimeout:       90 * time.Second,
		}
	}
	c.http = &http.Client{
		Transport:     &politeTransport{c: c, next: tr},
		CheckRedirect: c.checkRedirect,
	}
	return c
}

// agentName is the robots.txt name of a User-Agent: its first word, up to
// a slash ("Dyad" of "Dyad/0.1 (news)"), or "" if it has none.
func agentName(ua string) string {
	f := strings.Fields(strings.SplitN(ua, "/", 2)[0])
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// control is the dialer's last word before connecting: it refuses the
// addresses of the policy, whatever name or redirect led there.
func (c *Client) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("dialling %s: %w", address, err)
	}
	if why := c.forbidden(ap.Addr().Unmap()); why != "" {
		return &AddressError{Addr: ap.Addr().Unmap(), Reason: why}
	}
	return nil
}

// checkLiteral applies the address policy to a URL whose host is an IP
// address, before any request, so that it holds with any Transport.
func (c *Client) checkLiteral(u *url.URL) error {
	a, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(u.Hostname(), "["), "]"))
	if err != nil {
		return nil // a name: checked when dialled
	}
	if why := c.forbidden(a.Unmap()); why != "" {
		return &AddressError{Addr: a.Unmap(), Reason: why}
	}
	return nil
}

// sharedSpace is 100.64.0.0/10, carrier-grade NAT (RFC 6598), and thisNet
// 0.0.0.0/8 (RFC 1122): neither is on the public internet.
var (
	sharedSpace = netip.MustParsePrefix("100.64.0.0/10")
	thisNet     = netip.MustParsePrefix("0.0.0.0/8")
)

// forbidden is the default address policy: it names the kind of an address
// that is not on the public internet, or returns "".
func forbidden(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate(), sharedSpace.Contains(a):
		return "private"
	case a.IsLinkLocalUnicast():
		return "link-local"
	case a.IsMulticast():
		return "multicast"
	case a.IsUnspecified(), thisNet.Contains(a):
		return "unspecified"
	}
	return ""
}

func (c *Client) host(u *url.URL) *host {
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &host{
			lim: rate.NewLimiter(rate.Every(c.opts.HostInterval), 1),
			sem: make(chan struct{}, c.opts.HostConcurrency),
		}
		c.hosts[key] = h
	}
	return h
}

// Fetch gets rawURL, following redirects, retrying 429 and 503 answers,
// and returns the decoded body. A 304 answer to a conditional request is a
// Response with NotModified set. Other non-2xx answers are *StatusError.
func (c *Client) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, ErrUnsupportedScheme
	}
	if err := c.checkLiteral(u); err != nil {
		return nil, err
	}
	if err := c.allowed(ctx, u); err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, u)
		var se *StatusError
		if !errors.As(err, &se) || (se.Code != http.StatusTooManyRequests && se.Code != http.StatusServiceUnavailable) || attempt >= c.opts.MaxRetries {
			return resp, err
		}
		wait := se.RetryAfter
		if wait <= 0 {
			wait = time.Duration(float64(c.opts.RetryBase<<attempt) * (0.5 + c.jitter()))
		}
		if wait > c.opts.MaxRetryWait {
			return nil, err
		}
		c.log.Info("retrying", "url", rawURL, "status", se.Code, "wait", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// once makes one request, with its redirects, and reads the body. Waiting
// for the host's pace and a free slot comes before the timeout starts, so
// that a long queue for a slow host does not count against each request.
func (c *Client) once(ctx context.Context, u *url.URL) (*Response, error) {
	h := c.host(u)
	if err := h.acquire(ctx); err != nil {
		return nil, err
	}
	defer h.release()
	ctx, cancel := context.WithTimeout(context.WithValue(ctx, pacedKey{}, &paced{h: h}), c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	if c.opts.Cache != nil {
		if v, ok := c.opts.Cache.Get(u.String()); ok {
			if v.ETag != "" {
				req.Header.Set("If-None-Match", v.ETag)
			}
			if v.LastModified != "" {
				req.Header.Set("If-Modified-Since", v.LastModified)
			}
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, timeoutErr(ctx, unwrapURL(err), c.opts.Timeout)
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), StatusCode: resp.StatusCode, Header: resp.Header, Date: c.now()}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &StatusError{Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), c.now())}
	case resp.ContentLength > c.opts.MaxBytes:
		return nil, fmt.Errorf("%w: Content-Length %d is over the %d-byte limit", ErrTooLarge, resp.ContentLength, c.opts.MaxBytes)
	}
	body, err := Decode(resp.Body, resp.Header.Get("Content-Encoding"))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(body, c.opts.MaxBytes+1))
	if err != nil {
		return nil, timeoutErr(ctx, fmt.Errorf("reading body: %w", err), c.opts.Timeout)
	}
	if int64(len(data)) > c.opts.MaxBytes {
		return nil, fmt.Errorf("%w: over the %d-byte limit", ErrTooLarge, c.opts.MaxBytes)
	}
	out.Body = data
	if c.opts.Cache != nil {
		v := Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
		if v != (Validators{}) {
			c.opts.Cache.Put(u.String(), v)
		}
	}
	return out, nil
}

// timeoutErr names a deadline hit by the request's own timeout, which the
// net/http error says only as "context deadline exceeded".
func timeoutErr(ctx context.Context, err error, d time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s: %w", d, err)
	}
	return err
}

func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// retryAfter parses a Retry-After value: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// maxRobotsRedirects is how many redirects of a robots.txt are followed
// (RFC 9309 section 2.3.1.2 asks for at least five).
const maxRobotsRedirects = 5

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	robots := req.Context().Value(robotsKey{}) != nil
	limit := c.opts.MaxRedirects
	if robots {
		limit = maxRobotsRedirects
	}
	if len(via) > limit {
		return fmt.Errorf("%w: stopped after %d, at %s", ErrTooManyRedirects, limit, req.URL)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL, ErrUnsupportedScheme)
	}
	if err := c.checkLiteral(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	if robots {
		// A robots.txt is fetched whatever the rules say; checking its
		// redirect against them would wait for the file being fetched.
		return nil
	}
	if err := c.allowed(req.Context(), req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	return nil
}

// allowed checks u against its host's robots.txt, fetching that once.
func (c *Client) allowed(ctx context.Context, u *url.URL) error {
	if c.opts.IgnoreRobots {
		return nil
	}
	h := c.host(u)
	robots, err := c.robotsOf(ctx, u, h)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if path == "" {
		path = "/"
	}
	if !robots.TestAgent(path, c.agent) {
		return ErrRobots
	}
	return nil
}

// robotsOf returns the host's robots.txt rules, loading them the first
// time. Others asking meanwhile wait for that load, or for their context.
// A load cut short by its caller's context is not kept.
func (c *Client) robotsOf(ctx context.Context, u *url.URL, h *host) (*robotstxt.RobotsData, error) {
	h.robotsMu.Lock()
	done := h.robotsDone
	if done == nil {
		done = make(chan struct{})
		h.robotsDone = done
		h.robotsMu.Unlock()
		robots, err := c.loadRobots(ctx, u, h)
		h.robotsMu.Lock()
		h.robots, h.robotsErr = robots, err
		if ctx.Err() != nil {
			h.robotsDone = nil
		}
		h.robotsMu.Unlock()
		close(done)
	} else {
		h.robotsMu.Unlock()
	}
	select {
	case <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	return h.robots, h.robotsErr
}

// robotsKey marks the context of a robots.txt request.
type robotsKey struct{}

// loadRobots fetches and parses a host's robots.txt. Per RFC 9309, a
// missing file (4xx) allows everything and an unreachable one (5xx, network
// error) disallows everything.
func (c *Client) loadRobots(ctx context.Context, u *url.URL, h *host) (*robotstxt.RobotsData, error) {
	ru := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	ctx, cancel := context.WithTimeout(context.WithValue(ctx, robotsKey{}, true), c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		err = unwrapURL(err)
		if errors.Is(err, ErrForbiddenAddress) {
			return nil, err
		}
		return nil, fmt.Errorf("robots.txt unreachable, so all is disallowed: %w", timeoutErr(ctx, err, c.opts.Timeout))
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 500 {
		return nil, fmt.Errorf("%w: robots.txt answered HTTP %d, so all is disallowed (RFC 9309)", ErrRobots, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	if err != nil {
		return nil, fmt.Errorf("robots.txt unreadable, so all is disallowed: %w", err)
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		return nil, fmt.Errorf("robots.txt: %w", err)
	}
	if g := data.FindGroup(c.agent); g != nil && g.CrawlDelay > c.opts.HostInterval {
		h.lim.SetLimit(rate.Every(min(g.CrawlDelay, time.Minute)))
	}
	return data, nil
}

// politeTransport keeps every request, robots.txt and redirects included,
// to its host's rate and concurrency, and names the client.
type politeTransport struct {
	c    *Client
	next http.RoundTripper
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	h := t.c.host(req.URL)
	ctx := req.Context()
	req = req.Clone(ctx)
	req.Header.Set("User-Agent", t.c.opts.UserAgent)
	if p, ok := ctx.Value(pacedKey{}).(*paced); ok && p.h == h {
		// Client.once holds one of the host's slots for the whole request:
		// its redirects within the host use it rather than wait for
		// another, which could be held by a fetch in the same state.
		if !p.first.CompareAndSwap(false, true) {
			if err := h.lim.Wait(ctx); err != nil {
				return nil, err
			}
		}
		return t.next.RoundTrip(req)
	}
	if err := h.acquire(ctx); err != nil {
		return nil, err
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		h.release()
		return nil, err
	}
	resp.Body = &releaseBody{ReadCloser: resp.Body, release: h.release}
	return resp, nil
}

// pacedKey marks a request context whose first hop already holds its
// host's slot and pace.
type pacedKey struct{}

type paced struct {
	h     *host
	first atomic.Bool
}

// acquire takes one of the host's slots, then waits for its pace, so that
// requests leave spaced out even when several were waiting for slots.
func (h *host) acquire(ctx context.Context) error {
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	if err := h.lim.Wait(ctx); err != nil {
		<-h.sem
		return err
	}
	return nil
}

func (h *host) release() { <-h.sem }

// releaseBody frees the host's concurrency slot when the body is closed.
type releaseBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releaseBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}
