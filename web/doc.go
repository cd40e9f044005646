// Package web is Dyad's browser UI: the bundle that "go run ./web/build"
// makes from the JavaScript sources in web/src (with the libraries that
// web/package-lock.json pins), embedded in the binary and served by
// "dyad serve" at /.
//
// The bundle is not committed. A binary built without it still serves /,
// with a page that says how to build the UI.
package web
