package web_test

import (
	"fmt"
	"net/http/httptest"

	"dyad/web"
)

// The UI is one handler; dyad serve mounts it at / beside the API. A
// binary built without the bundle still answers / with how to build it.
func ExampleHandler() {
	rec := httptest.NewRecorder()
	web.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	// Output: 200 text/html; charset=utf-8
}
