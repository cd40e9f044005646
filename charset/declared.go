package charset

import (
	"bytes"
	"mime"
	"regexp"
	"sync"
)

// The package compiles its regular expressions on first use (sync.OnceValue):
// a command that reads no page, such as dyad parse, does not pay for them at
// start-up.
//
// metaCharset matches a charset given in an HTML <meta> element, in either
// the charset or the http-equiv form.
var metaCharset = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)`)
})

// Declared returns the encoding label a document declares for itself: a
// byte order mark, the charset of contentType (an HTTP Content-Type value,
// may be empty), or an XML declaration or HTML <meta> in its first 1024
// bytes. It returns "" for a document that leaves its encoding to be
// guessed, which the decoders here do from the bytes.
func Declared(data []byte, contentType string) string {
	for _, b := range boms {
		if bytes.HasPrefix(data, b.prefix) {
			return b.name
		}
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return params["charset"]
	}
	head := data[:min(len(data), 1024)]
	if m := xmlDecl().FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if m := metaCharset().FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}
