package source

import (
	"errors"
	"strings"
	"testing"
)

func TestJSONL(t *testing.T) {
	data := strings.Join([]string{
		`{"url":"https://j.example/1","title":"Talks resume","text":"Negotiators met.\n\nThey agreed.","published":"2024-03-01T10:00:00Z"}`,
		``,
		`{"url":"https://j.example/2","title":"Page","html":"<html><body><p>Hi</p></body></html>","published":"someday"}`,
		`{"url":"https://j.example/3", "title": "broken"`,
		`{"url":"https://j.example/4","title":"No body"}`,
		`{"url":"https://j.example/5","title":"Long","text":"` + strings.Repeat("x", 300) + `"}`,
		`{"url":"https://j.example/6","title":"Last","text":"Fine."}`,
	}, "\n")
	log, buf := newLog()
	path := writeFile(t, "rows.jsonl", []byte(data))
	recs, errs := collect(t, Open(path, Options{MaxBytes: 200, Logger: log}))
	if urls(recs) != "https://j.example/1 https://j.example/2 https://j.example/6" {
		t.Errorf("URLs %q", urls(recs))
	}
	if r := recs[0]; r.Meta.Text != "Negotiators met.\n\nThey agreed." || r.Meta.Title != "Talks resume" || r.Meta.Published.IsZero() || len(r.Body) != 0 || r.Origin != path+"#line=1" {
		t.Errorf("record 1 %+v", r)
	}
	if r := recs[1]; !r.IsHTML() || string(r.Body) != "<html><body><p>Hi</p></body></html>" || !r.Meta.Published.IsZero() {
		t.Errorf("record 2 %+v", r)
	}
	if !strings.Contains(buf.String(), "unreadable published date") || !strings.Contains(buf.String(), path+"#line=3") {
		t.Errorf("no warning for the bad date: %q", buf.String())
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, strings.TrimPrefix(e.Error(), path+": "))
	}
	want := []string{"line 4: invalid JSON: unexpected end of JSON input", `line 5: neither "text" nor "html" is given`, "line 6: document too large: over the 200 B limit"}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if len(errs) == 3 && !errors.Is(errs[2], ErrTooLarge) {
		t.Errorf("line 6 error is not ErrTooLarge")
	}
}

func TestJSONNotLines(t *testing.T) {
	path := writeFile(t, "truth.json", []byte("{\n  \"a\": {\"articleBody\": \"x\"},\n  \"b\": {\"articleBody\": \"y\"}\n}\n"))
	recs, errs := collect(t, Open(path, Options{}))
	if len(recs) != 0 || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), path+": not JSON Lines: line 1 is not a JSON object") {
		t.Errorf("records %d errors %v", len(recs), errs)
	}
}
