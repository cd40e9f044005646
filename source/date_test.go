package source

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z"},
		{"2024-03-01", "2024-03-01T00:00:00Z"},
		{"Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T19:42:40-03:00"},
		{"Mi, 3 Mär 2021 08:00:00 +0100", "2021-03-03T08:00:00+01:00"},
		{"mer., 14 juil. 2021 08:00:00 +0200", "2021-07-14T08:00:00+02:00"},
		{"Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"},
		{"yesterday", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := parseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("parsed %v, want failure", got)
				}
				return
			}
			if !ok || got.Format("2006-01-02T15:04:05Z07:00") != tt.want {
				t.Errorf("got %v %v, want %s", got, ok, tt.want)
			}
		})
	}
}
