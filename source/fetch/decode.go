package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// Decode returns a reader of body decoded as the Content-Encoding value says:
// gzip, deflate (zlib-wrapped or raw, as servers differ), br, identity or
// empty. Several codings are undone in reverse order. An unknown coding is an
// error. The caller bounds what it reads: a small body may decode to a huge
// one.
func Decode(body io.Reader, contentEncoding string) (io.Reader, error) {
	codings := strings.Split(contentEncoding, ",")
	r := body
	for i := len(codings) - 1; i >= 0; i-- {
		switch c := strings.ToLower(strings.TrimSpace(codings[i])); c {
		case "", "identity":
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(r)
			if err != nil {
				return nil, fmt.Errorf("content-encoding gzip: %w", err)
			}
			r = zr
		case "deflate":
			br := bufio.NewReader(r)
			// A zlib stream starts with a header whose first byte has
			// compression method 8; raw deflate rarely does.
			if h, err := br.Peek(2); err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
				zr, err := zlib.NewReader(br)
				if err != nil {
					return nil, fmt.Errorf("content-encoding deflate: %w", err)
				}
				r = zr
			} else {
				r = flate.NewReader(br)
			}
		case "br":
			r = brotli.NewReader(r)
		default:
			return nil, fmt.Errorf("unsupported content-encoding %q", c)
		}
	}
	return r, nil
}
