package geo

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeRegions(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "regions.tsv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPlaceRegions checks that a region lies at the mean of its members
// and covers their divisions, and that a member or country the gazetteer
// lacks, or a town whose GeoNames name differs, is an error naming the
// line.
func TestPlaceRegions(t *testing.T) {
	countries := map[string]*country{"IN": {Place: Place{Kind: Country, ID: "IN", Country: "IN"}}, "PK": {Place: Place{Kind: Country, ID: "PK", Country: "PK"}}}
	adm1s := []*Place{{Kind: ADM1, ID: "IN.12", ADM1: "IN.12", Country: "IN", Lat: 33, Lon: 75}}
	towns := []*Place{{Kind: City, ID: "1173055", Name: "Kotli", ADM1: "PK.06", Country: "PK", Lat: 34, Lon: 74}}
	defs, err := readRegions(writeRegions(t, "# comment\n\nKashmir\tKashmir Valley|Cashmere\tRGN\tIN PK\tIN.12 1173055:Kotli\n"))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := placeRegions(defs, countries, adm1s, towns)
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	if r.Kind != Region || r.ID != "region:kashmir" || r.Country != "" || r.Lat != 33.5 || r.Lon != 74.5 ||
		!slices.Equal(r.Divisions, []string{"IN.12", "PK.06"}) || !slices.Equal(r.Alt, []string{"Kashmir Valley", "Cashmere"}) {
		t.Errorf("got %+v", r)
	}
	for _, tc := range []struct{ text, want string }{
		{"Kashmir\t\tRGN\tIN PK\n", "4 fields, want 5"},
		{"Kashmir\t\tRGN\t\tIN.12\n", "needs a name"},
		{"Kashmir\t\tRGN\tIN XX\tIN.12\n", `no country "XX"`},
		{"Kashmir\t\tRGN\tIN\tIN.99\n", "member IN.99 is not in the gazetteer"},
		{"Kashmir\t\tRGN\tPK\t1173055:Kohat\n", "member 1173055:Kohat is Kotli in GeoNames"},
	} {
		path := writeRegions(t, tc.text)
		defs, err := readRegions(path)
		if err == nil {
			_, err = placeRegions(defs, countries, adm1s, towns)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path+":1") {
			t.Errorf("%q: error %v, want one at %s:1 saying %q", tc.text, err, path, tc.want)
		}
	}
}

// TestRegionsBuilt checks that the gazetteer built into Dyad holds every
// region of geo/regions.tsv as it is now: a changed file must be followed
// by `dyad geo build`.
func TestRegionsBuilt(t *testing.T) {
	defs, err := readRegions("regions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range defs {
		var got *Place
		for _, p := range g.Lookup(d.Name) {
			if p.Kind == Region {
				got = p
			}
		}
		if got == nil || !slices.Equal(got.Countries, d.Countries) || !slices.Equal(got.Alt, d.Alt) || got.Feature != d.Feature {
			t.Errorf("%s: built as %+v; run dyad geo build", d.line, got)
		}
	}
}
