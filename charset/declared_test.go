package charset

import "testing"

func TestDeclared(t *testing.T) {
	tests := []struct {
		name, data, contentType, want string
	}{
		{"bom", "\xEF\xBB\xBFhello", "", UTF8},
		{"header", "<p>x</p>", "text/html; charset=ISO-8859-1", "ISO-8859-1"},
		{"xml declaration", `<?xml version="1.0" encoding="ISO-8859-1"?><rss/>`, "", "ISO-8859-1"},
		{"meta charset", `<html><head><meta charset="windows-1251">`, "", "windows-1251"},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, "", "gb2312"},
		{"xml without encoding", `<?xml version="1.0"?><rss/>`, "", ""},
		{"undeclared", "<rss><title>\xc9</title></rss>", "text/xml", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Declared([]byte(tt.data), tt.contentType); got != tt.want {
				t.Errorf("Declared = %q, want %q", got, tt.want)
			}
		})
	}
}
