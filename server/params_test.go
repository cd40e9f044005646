package server_test

import (
	"errors"
	"net/url"
	"testing"

	"dyad/server"
	"dyad/store"
)

// FuzzParams runs every query-parameter parser on arbitrary query
// strings: none may panic, every error names a parameter, and every
// query that passes is within bounds.
func FuzzParams(f *testing.F) {
	for _, s := range []string{
		"", "actor=IRQ&from=2024-01-01&to=2024-12-31&limit=50", "dyad=IRQREB,IMGMUSALQ&direction=forward&sort=-date",
		"q=truce&format=csv&max=100", "limit=99999999999", "from=2024-02-30", "cursor=MDoxOjE", "interval=week&events=5",
		"top=10&from=2020-01-01&to=2021-01-01", "actor=%27%20OR%201%3D1", "q=%ff", "x=1&x=2", "partners=3&interval=day",
	} {
		f.Add(s, "IRQREB", "IMGMUSALQ")
	}
	f.Fuzz(func(t *testing.T, raw, a, b string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		check := func(err error) bool {
			if err == nil {
				return true
			}
			var pe *server.ParamError
			if !errors.As(err, &pe) || pe.Param == "" || pe.Msg == "" {
				t.Fatalf("error %v does not name a parameter", err)
			}
			return false
		}
		if r, err := server.ParseEvents(v); check(err) {
			q := r.Query
			if q.Limit < 1 || q.Limit > store.MaxLimit || r.Max < 1 || r.Max > 1_000_000 || len(q.Text) > 256 ||
				!q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) || q.QuadClass < 0 || q.QuadClass > 4 {
				t.Fatalf("out of bounds: %+v", r)
			}
			if q.After != nil && q.After.Sort != q.Sort {
				t.Fatalf("cursor of sort %d with sort %d", q.After.Sort, q.Sort)
			}
		}
		if r, err := server.ParseSeries(a, b, v); check(err) && (r.Query.IDs < 0 || r.Query.IDs > 100) {
			t.Fatalf("out of bounds: %+v", r)
		}
		if q, err := server.ParseNetwork(v); check(err) && (q.Top < 1 || q.Top > 500 || q.From.IsZero() || q.To.Before(q.From)) {
			t.Fatalf("out of bounds: %+v", q)
		}
		if q, err := server.ParseSearch(v); check(err) && (q.Limit < 1 || q.Limit > 100 || q.Offset < 0 || q.Offset > 10000 || q.Text == "") {
			t.Fatalf("out of bounds: %+v", q)
		}
		if q, err := server.ParseActor(a, v); check(err) && (q.Partners < 1 || q.Partners > 200 || q.Code == "") {
			t.Fatalf("out of bounds: %+v", q)
		}
		if q, err := server.ParseActors(v); check(err) && (q.Limit < 1 || q.Limit > 100) {
			t.Fatalf("out of bounds: %+v", q)
		}
		check2 := func(_ any, err error) { check(err) }
		check2(server.ParseEventID(a))
		check2(server.ParseArticleID(b))
	})
}
