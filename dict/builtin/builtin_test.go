package builtin

import (
	"os"
	"slices"
	"strings"
	"testing"

	"dyad/codebook"
	"dyad/dict"
	"dyad/internal/sharedtest"
)

func defaults(t *testing.T) (*Set, *dict.Dictionary) {
	t.Helper()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	return s, d
}

// unMembers are the ISO codes of the 193 UN member states and the two
// observer states.
var unMembers = strings.Fields(`AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD
DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI
HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX
MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR
OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE
SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE VAT PSE`)

func TestDefaultCoverage(t *testing.T) {
	s, _ := defaults(t)
	st := s.Stats()
	t.Logf("%d countries, %d organisations, %d groups, %d people, %d agents (%d nouns), %d sets, %d patterns (%d on nouns)",
		st.Countries, st.Organisations, st.Groups, st.People, st.Agents, st.AgentNouns, st.Sets, st.Patterns, st.Nominal)
	if len(unMembers) != 195 {
		t.Fatalf("test list has %d states, want 195", len(unMembers))
	}
	countries := map[string]*Actor{}
	for _, a := range s.Actors {
		if a.Kind == Country {
			countries[a.Code] = a
		}
	}
	for _, c := range unMembers {
		a := countries[c]
		if a == nil {
			t.Errorf("no country entry for %s", c)
			continue
		}
		if len(a.Names) < 2 {
			t.Errorf("%s (%s) has only its header name", c, a.Label)
		}
	}
	verbal := map[string]int{}
	for _, p := range s.Patterns {
		if !p.Nominal() {
			verbal[p.Root()]++
		}
	}
	for _, r := range codebook.Roots() {
		if verbal[r.Code] < 30 {
			t.Errorf("root %s (%s) has %d verb patterns, want at least 30", r.Code, r.Label, verbal[r.Code])
		}
		if st.ByRoot[r.Code] == 0 {
			t.Errorf("root %s has no patterns", r.Code)
		}
	}
	if st.Organisations < 100 || st.Groups < 40 || st.People < 200 || st.Nominal < 50 {
		t.Errorf("too few entries: %+v", st)
	}
	agents := map[string]bool{}
	for _, a := range s.Agents {
		agents[a.Code] = true
	}
	for _, c := range []string{"GOV", "MIL", "COP", "REB", "UAF", "OPP", "CVL", "REL", "MED", "JUD", "LEG", "SPY", "REF", ""} {
		if !agents[c] {
			t.Errorf("no agent with code %q", c)
		}
	}
}

// knownParts are the three-letter parts of actor codes that are neither
// country codes nor CAMEO actor types: CAMEO's region codes and the
// known-group codes of named organisations (DICTIONARIES.md lists them).
var knownParts = strings.Fields(`AFR ASA CAS CFR EAF EUR LAM MEA NAF SAF SAM SAS SEA WAF WEU WST CRB PAC
ALQ ISI HMS ASF JMA EEC NAT ARL ASN OPC WBK IMF IAE ICJ ICC HCR HCH KID WFP WHO ILO WTO
COE CIS GCC OIC AMU IDB ADB AFB WAS SAD IAD EAC OAS OAU GOS GOE GTW GSS CWN ITP ECB EBR AIE
XFM MSF ICG APC SAA PIF MRC BRC NON AUN MIG HLT WCT UEU`)

func TestActorCodeParts(t *testing.T) {
	s, _ := defaults(t)
	known := map[string]bool{}
	for _, a := range s.Actors {
		if a.Kind == Country {
			known[a.Code] = true
		}
	}
	for _, a := range codebook.ActorTypes() {
		known[a.Code] = true
	}
	for _, p := range knownParts {
		known[p] = true
	}
	used := map[string]bool{}
	check := func(code string, pos Pos) {
		for i := 0; i < len(code); i += 3 {
			used[code[i:i+3]] = true
			if !known[code[i:i+3]] {
				t.Errorf("%s: code %s has unknown part %s", pos, code, code[i:i+3])
			}
		}
	}
	for _, a := range s.Actors {
		check(a.Code, a.Pos)
		for _, c := range a.Codes {
			check(c.Code, Pos{a.Pos.File, c.Line})
		}
	}
	for _, a := range s.Agents {
		check(a.Code, a.Pos)
	}
	for _, p := range knownParts {
		if !used[p] {
			t.Errorf("known part %s is used by no code; drop it from the list", p)
		}
	}
}

// lookup codes a phrase as the coder's actor matching does: the longest
// names from the left, actors' codes on date with the agents' appended.
func lookup(d *dict.Dictionary, phrase string, date int) string {
	words := strings.Fields(strings.ToUpper(phrase))
	code, agents := "", ""
	for i := 0; i < len(words); {
		m, ok := d.MatchAt(words, i)
		if !ok {
			i++
			continue
		}
		if m.Actor != nil && code == "" {
			if c, ok := m.Actor.CodeAt(date); ok {
				code = c.Code
			}
		}
		if m.Agent != nil {
			agents += m.Agent.Code
		}
		i += m.Len
	}
	return code + agents
}

func TestSeedActors(t *testing.T) {
	_, d := defaults(t)
	tests := []struct {
		phrase string
		date   int
		want   string
	}{
		{"Islamic Army in Iraq", 20070601, "IRQREB"},
		{"the Islamic Army", 20070601, "IRQREB"},
		{"al-Qaeda", 20070601, "IMGMUSALQ"},
		{"al Qaida", 20070601, "IMGMUSALQ"},
		{"US forces", 20070601, "USAMIL"},
		{"American forces", 20070601, "USAMIL"},
		{"US troops", 20070601, "USAMIL"},
		{"Iraqi fighters", 20070601, "IRQUAF"},
		{"Iraq fighters", 20070601, "IRQUAF"},
		{"Osama Bin Laden", 20070601, "IMGMUSALQ"},
		{"Osama Bin Laden", 20120101, ""},
		{"Ibrahim al-Shamary", 20070601, "IRQREB"},
		{"al-Shamary", 20070601, "IRQREB"},
		{"Muslim clerics", 20070601, "MUS"},
		{"Washington", 20070601, "USA"},
		{"Baghdad", 20070601, "IRQ"},
		{"Taliban", 20100101, "AFGREB"},
		{"Taliban", 20220101, "AFGGOV"},
		{"Taliban", 19990101, "AFGGOV"},
		{"Islamic State", 20150101, "IMGMUSISI"},
		{"ISIL", 20150101, "IMGMUSISI"},
		{"Hamas", 20150101, "PSEREBHMS"},
		{"Hezbollah", 20150101, "LBNREB"},
		{"Boko Haram", 20150101, "NGAREB"},
		{"Houthi rebels", 20150101, "YEMREB"},
		{"FARC", 20150101, "COLREB"},
		{"PKK", 20150101, "TURREB"},
		{"al-Shabab", 20150101, "SOMREB"},
		{"Barack Obama", 20100101, "USAGOV"},
		{"Barack Obama", 20180101, "USAELI"},
		{"the Kremlin", 20150101, "RUSGOV"},
		{"UN Security Council", 20150101, "IGOUNO"},
		{"Amnesty International", 20150101, "NGOHRIAMN"},
		{"European Union", 20150101, "IGOEUREEC"},
		{"NATO", 20150101, "IGOWSTNAT"},
		{"Palestinian president", 20150101, "PSEGOV"},
		{"a spokesman for the Islamic Army", 20070601, "IRQREB"},
		{"Guinea-Bissau", 20150101, "GNB"},
		{"Guinea Bissau", 20150101, "GNB"},
		{"Iraq 's government", 20150101, "IRQGOV"},
		{"Syrian rebels", 20150101, "SYRREB"},
		{"Filipino peacekeepers", 20150101, "PHLPKO"},
		// Libya's rival authorities and Tripoli's armed groups.
		{"the Radaa force", 20250101, "LBYCOP"},
		{"Special Deterrence Force", 20250101, "LBYCOP"},
		{"the Stability Support Apparatus", 20250101, "LBYMIL"},
		{"the Libyan National Army", 20250101, "LBYREB"},
		{"Khalifa Haftar", 20200101, "LBYREB"},
		{"the Government of National Unity", 20250101, "LBYGOV"},
		{"Abdul Hamid Dbeibah", 20220101, "LBYGOV"},
		{"Fayez al-Sarraj", 20180101, "LBYGOV"},
		{"the Presidential Council", 20250101, "LBYGOV"},
		{"the Libyan House of Representatives", 20250101, "LBYLEG"},
		{"Aguila Saleh", 20250101, "LBYLEG"},
	}
	for _, tt := range tests {
		if got := lookup(d, tt.phrase, tt.date); got != tt.want {
			t.Errorf("%q on %d codes %q, want %q", tt.phrase, tt.date, got, tt.want)
		}
	}
	// Exact-case names code only as written: "IS" is the Islamic State,
	// "is" a verb, and "a strict Islamic state" no group (the entry's
	// header name is exact too).
	for _, tt := range []struct{ written, other, want string }{
		{"IS", "is", "IMGMUSISI"},
		{"WHO", "who", "IGOUNOHLHWHO"},
		{"CAR", "car", "CAF"},
		{"Islamic State", "Islamic state", "IMGMUSISI"},
	} {
		for _, form := range []string{tt.written, tt.other} {
			fs := strings.Fields(form)
			m, ok := d.MatchFormsAt(strings.Fields(strings.ToUpper(form)), fs, 0)
			got := ""
			if ok && m.Actor != nil && m.Len == len(fs) {
				c, _ := m.Actor.CodeAt(20150101)
				got = c.Code
			}
			if form == tt.written && got != tt.want || form != tt.written && got != "" {
				t.Errorf("%q codes %q", form, got)
			}
		}
	}
}

// hasPattern reports whether a verb form has a pattern coding code whose
// PETRARCH-2 rendering contains want.
func hasPattern(d *dict.Dictionary, form, code, want string) bool {
	for _, v := range d.Verbs(form) {
		for _, p := range d.Patterns(v) {
			if p.Code.Primary == code && strings.Contains(p.String(), want) {
				return true
			}
		}
	}
	return false
}

func TestSeedPatterns(t *testing.T) {
	_, d := defaults(t)
	tests := []struct{ form, code, want string }{
		{"MENDS", "050", "FENCE (WITH +)"},
		{"RESTORE", "050", "&TIES"},
		{"LAUNCHED", "190", "&ATTACK (ON +)"},
		{"CLASHED", "190", "(WITH +)"},
		{"CALLED", "1056", "(ON +) (TO) &(REFRAIN"},
		{"CALLED", "020", "(ON +) (TO)"},
		{"FOUGHT", "062", "(ALONGSIDE +)"},

		{"ASKING", "020", "(TO)"},
		{"DECLARED", "0871", "&TRUCE"},
		{"SETTLED", "050", "% * &DISPUTE"},
		{"JOINED", "062", "% * ARM"},
		{"SEIZED", "192", "&TERRITORY"},
		{"SHIPPED", "072", "&MILAID"},
	}
	for _, tt := range tests {
		if !hasPattern(d, tt.form, tt.code, tt.want) {
			t.Errorf("no %s pattern for %s containing %q", tt.code, tt.form, tt.want)
			for _, v := range d.Verbs(tt.form) {
				for _, p := range d.Patterns(v) {
					t.Logf("  %s %s", v.Words, p)
				}
			}
		}
	}
	// "SRC *verb TGT" lines are the verbs' own codes.
	for form, want := range map[string]string{"CONTACTED": "040", "VISITED": "042:043", "SHOT": "193", "KIDNAPPED": "181", "SAID": "010", "ATTACKED": "190", "CALLED": "041:041"} {
		var got []string
		for _, v := range d.Verbs(form) {
			if v.Code != nil && len(v.Words) == 1 {
				got = append(got, v.Code.String())
			}
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%s: verb codes %q, want %q", form, got, want)
		}
	}
	// A visit codes the host's event the other way.
	for _, v := range d.Verbs("VISITS") {
		for _, p := range d.Patterns(v) {
			if p.Code.Primary == "042" && p.Code.Secondary != "043" {
				t.Errorf("visit pattern %s at %s lacks the 043 reverse code", p, p.Source)
			}
		}
	}
}

// TestAnchorKinds checks that every pattern is converted, with the kind
// of anchor it hangs on: noun patterns ("*clash between PAIR") as noun
// anchors, "be" patterns as predicates, the rest as verbs.
func TestAnchorKinds(t *testing.T) {
	s, d := defaults(t)
	kinds := map[dict.Source][]dict.AnchorKind{}
	for _, b := range d.Blocks {
		for _, p := range b.Patterns {
			kinds[p.Source] = append(kinds[p.Source], p.Anchor)
		}
		for _, v := range b.Verbs {
			if v.Code != nil {
				kinds[v.Source] = append(kinds[v.Source], dict.VerbAnchor)
			}
		}
	}
	counts := map[dict.AnchorKind]int{}
	for _, p := range s.Patterns {
		want := dict.VerbAnchor
		switch {
		case p.Nominal():
			want = dict.NounAnchor
		case p.Predicate():
			want = dict.PredicateAnchor
		}
		got := kinds[source(p.Pos)]
		if len(got) == 0 {
			t.Errorf("%s: pattern %q missing from the dictionary", p.Pos, p.Text)
		}
		for _, k := range got {
			if k != want {
				t.Errorf("%s: pattern %q converted as a %s pattern, want %s", p.Pos, p.Text, k, want)
			}
		}
		counts[want]++
	}
	if counts[dict.NounAnchor] < 50 || counts[dict.PredicateAnchor] < 10 {
		t.Errorf("pattern kinds %v: too few noun or predicate patterns", counts)
	}
	for _, w := range []string{"*clash between PAIR", "*attack on|against TGT", "*truce between PAIR"} {
		if !slices.ContainsFunc(s.Nominal(), func(p *Pattern) bool { return p.Text == w }) {
			t.Errorf("noun pattern %q missing", w)
		}
	}
	for _, form := range []string{"CLASHES", "RESPONSIBLE", "ODDS"} {
		if len(d.Verbs(form)) == 0 {
			t.Errorf("no block for %s", form)
		}
	}
}

// TestPhoenixAgreement compares the codes of the names Dyad and the Phoenix
// dictionaries share, on one date. Disagreements are deliberate (ISO codes
// for territories, dated leaders, corrected Phoenix entries) but must stay
// few.
func TestPhoenixAgreement(t *testing.T) {
	s, _ := defaults(t)
	pd := &dict.Dictionary{}
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		path := sharedtest.Path(t, "events", "petrarch", "dictionaries", f)
		r, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		err = pd.ReadActors(r, f)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := pd.Compile(); err != nil {
		t.Fatal(err)
	}
	const date = 20140601
	agree, differ := 0, 0
	for _, a := range s.Actors {
		da := &dict.Actor{}
		if a.Code != "" {
			da.Codes = append(da.Codes, dict.DatedCode{Code: a.Code})
		}
		for _, c := range a.Codes {
			da.Codes = append(da.Codes, dict.DatedCode{Code: c.Code, From: c.From, To: c.To})
		}
		mine, ok := da.CodeAt(date)
		if !ok {
			continue
		}
		for _, n := range a.Names {
			for _, ph := range phrases(n.Text) {
				m, ok := pd.MatchAt(ph, 0)
				if !ok || m.Actor == nil || m.Len != len(ph) {
					continue
				}
				theirs, ok := m.Actor.CodeAt(date)
				if !ok {
					continue
				}
				if theirs.Code == mine.Code {
					agree++
				} else {
					differ++
					t.Logf("%-40s Dyad %-12s Phoenix %-12s (%s)", strings.Join(ph, " "), mine.Code, theirs.Code, theirs.Source)
				}
			}
		}
	}
	rate := float64(agree) / float64(agree+differ)
	t.Logf("shared names: %d agree, %d differ (%.1f%%)", agree, differ, 100*rate)
	if agree < 800 || rate < 0.90 {
		t.Errorf("agreement with Phoenix on shared names %.1f%% (%d of %d), want at least 90%% of at least 800", 100*rate, agree, agree+differ)
	}
}

func TestVerbForms(t *testing.T) {
	_, d := defaults(t)
	for _, f := range []string{"FOUGHT", "STRUCK", "HELD", "MET", "SOUGHT", "SENT", "WITHDREW", "WITHDRAWN", "LED", "SHOT", "STOPPED", "PLANNED", "CLASHES", "TOOK", "SAID", "BEATEN"} {
		if len(d.Verbs(f)) == 0 {
			t.Errorf("no verb has the form %s", f)
		}
	}
}
