package eval

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad/pipeline"
)

func TestKeyOf(t *testing.T) {
	for _, tc := range []struct {
		code string
		want actorKey
	}{
		{"USAGOV", actorKey{Group: "USA", Role: "GOV", Lenient: "USA"}},
		{"USA", actorKey{Group: "USA", Role: "GOV", Lenient: "USA"}},
		{"ISRGOVMIL", actorKey{Group: "ISR", Role: "GOV", Lenient: "ISR"}},
		{"PSEREBHMS", actorKey{Group: "PSE", Role: "REB", Lenient: "PSE"}},
		{"IRQMUS", actorKey{Group: "IRQ", Lenient: "IRQ"}},
		{"IGOUNO", actorKey{Group: "IGOUNO", Lenient: "IGOUNO"}},
		{"IGOUNOPKO", actorKey{Group: "IGOUNOPKO", Lenient: "IGOUNO"}},
		{"REB", actorKey{Role: "REB"}},
		{"---GOV", actorKey{Role: "GOV"}},
		{"---", actorKey{Named: true}},
		{"", actorKey{Named: true}},
	} {
		if got := keyOf(tc.code); got != tc.want {
			t.Errorf("keyOf(%q) = %+v, want %+v", tc.code, got, tc.want)
		}
	}
}

// TestScoreNews scores a small invented document: three sentences, seven
// gold events and eight coded mentions, one of each kind of error.
func TestScoreNews(t *testing.T) {
	s1, s2, s3 := [2]int{0, 10}, [2]int{11, 20}, [2]int{21, 30}
	gold := []GoldEvent{
		{Doc: "d", Span: s1, Source: "USAGOV", Target: "RUSGOV", Code: "042", Line: 1},                     // found
		{Doc: "d", Span: s1, Source: "RUSGOV", Target: "USAGOV", Code: "043", Line: 2},                     // wrong actor
		{Doc: "d", Span: s2, Source: "ISRMIL", Target: "PSEREBHMS", Code: "190", Line: 3},                  // found
		{Doc: "d", Span: s2, Source: "ISRGOV", Target: "PSE", Code: "112", Modality: "negated", Line: 4},   // not counted
		{Doc: "d", Span: s3, Source: "IGOUNO", Target: "SYRGOV", Code: "020", Line: 5},                     // wrong root
		{Doc: "d", Span: s3, Source: "FRAGOV", Target: "DEUGOV", Code: "057", Line: 6},                     // missed
		{Doc: "d", Span: s3, Source: "---", SourceName: "Bre-X", Target: "IDNGOV", Code: "046", Line: 7},   // found
		{Doc: "e", Span: s1, Source: "USAGOV", Target: "RUSGOV", Code: "042", Line: 8, Modality: "future"}, // other document
	}
	sys := []SystemMention{
		{Doc: "d", Span: s1, Source: "USAGOV", Target: "RUSGOV", Code: "040"},
		{Doc: "d", Span: s1, Source: "RUSGOV", Target: "USAMIL", Code: "043"},
		{Doc: "d", Span: s2, Source: "ISRMIL", Target: "PSEREB", Code: "193"},
		{Doc: "d", Span: s2, Source: "ISRGOV", Target: "PSE", Code: "112"},
		{Doc: "d", Span: s3, Source: "IGOUNO", Target: "SYR", Code: "111"},
		{Doc: "d", Span: s3, Source: "SYRGOV", Target: "SYRMED", Code: "010"},
		{Doc: "d", Span: s3, Source: "---", SourceName: "bre-x", Target: "IDNGOV", Code: "046"},
		{Doc: "d", Span: s1, Source: "CHNGOV", Target: "JPNGOV", Code: "190"},
		{Doc: "f", Span: s1, Source: "CHNGOV", Target: "JPNGOV", Code: "190"}, // not annotated
	}
	rep := ScoreNews([]string{"d", "e"}, gold, sys, NewsScoreOptions{})
	if rep.Gold != 6 || rep.GoldOther != 2 || rep.System != 8 {
		t.Errorf("gold %d, other %d, system %d: want 6, 2, 8", rep.Gold, rep.GoldOther, rep.System)
	}
	if got, want := rep.Strict, (PR{Matched: 3, Found: 3, Precision: 3.0 / 8, Recall: 3.0 / 6, F1: 2 * (3.0 / 8) * 0.5 / (3.0/8 + 0.5)}); got != want {
		t.Errorf("strict %+v, want %+v", got, want)
	}
	if rep.Lenient.Matched != 4 || rep.Lenient.Found != 4 {
		t.Errorf("lenient %+v: want 4 matched, 4 found", rep.Lenient)
	}
	wantMiss := map[string]int{ErrWrongActor: 1, ErrWrongRoot: 1, ErrMissed: 1}
	wantExtra := map[string]int{ErrWrongActor: 1, ErrModality: 1, ErrWrongRoot: 1, ErrStatementTarget: 1, ErrExtra: 1}
	for c := range wantExtra {
		if rep.MissErrors[c] != wantMiss[c] || rep.ExtraErrors[c] != wantExtra[c] {
			t.Errorf("%s: %d misses, %d extras; want %d, %d", c, rep.MissErrors[c], rep.ExtraErrors[c], wantMiss[c], wantExtra[c])
		}
	}
	if d := rep.Misses[len(rep.Misses)-1]; d.Category != ErrMissed || d.Gold.Line != 6 {
		t.Errorf("last miss %+v: want gold line 6 missed", d)
	}
	roots := map[string]RootScore{}
	for _, r := range rep.Roots {
		roots[r.Root] = r
	}
	for root, want := range map[string][4]int{"04": {3, 3, 2, 2}, "19": {1, 2, 1, 1}, "11": {0, 2, 0, 0}, "02": {1, 0, 0, 0}, "01": {0, 1, 0, 0}} {
		r := roots[root]
		if got := [4]int{r.Gold, r.System, r.Found, r.Matched}; got != want {
			t.Errorf("root %s: gold, system, found, matched %v, want %v", root, got, want)
		}
	}

	// With the negated event counted, the mention that matched it is right.
	rep = ScoreNews([]string{"d"}, gold, sys, NewsScoreOptions{Modalities: []string{"asserted", "negated"}})
	if rep.Gold != 7 || rep.Strict.Matched != 4 || rep.ExtraErrors[ErrModality] != 0 {
		t.Errorf("with negated: gold %d, matched %d, modality errors %d; want 7, 4, 0", rep.Gold, rep.Strict.Matched, rep.ExtraErrors[ErrModality])
	}

	var table, js bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"strict", "lenient", "statement_target", "misses (", "extras ("} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	if err := json.NewEncoder(&js).Encode(rep); err != nil || !json.Valid(js.Bytes()) {
		t.Errorf("JSON: %v", err)
	}
}

func TestAligner(t *testing.T) {
	text := "Head line\n\nA  first\nline joined. Second one.\n\nA  first\nline joined. And é.\n"
	al := newAligner(text)
	for _, tc := range []struct {
		sent string
		want string
	}{
		{"Head line", "Head line"},
		{"A first line joined.", "A  first\nline joined."},
		{"Second one.", "Second one."},
		{"A first line joined.", "A  first\nline joined."}, // the second copy, after the previous sentence
		{"And é.", "And é."},
	} {
		sp := al.find(tc.sent)
		if sp[0] < 0 || text[sp[0]:sp[1]] != tc.want {
			t.Errorf("find(%q) = %v, want %q", tc.sent, sp, tc.want)
		}
	}
	if sp := al.find("Head line"); sp != [2]int{0, 9} {
		t.Errorf("a sentence before the previous one: %v, want [0 9]", sp)
	}
	if sp := al.find("Not there."); sp != [2]int{-1, -1} {
		t.Errorf("missing sentence: %v", sp)
	}
}

// TestNews codes the fixture's annotated documents with Dyad's pipeline and
// default dictionaries: every mention must be placed on a sentence of the
// reference text, and the counts must add up.
func TestNews(t *testing.T) {
	tok := defaultTokenizer(t)
	data := filepath.Join(newsFixture, "data")
	rep, err := News(t.Context(), NewsOptions{Data: data, Dir: newsFixture, Set: "dev", Tokenizer: tok})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Docs != 3 || rep.Annotated != 2 || rep.Gold != 6 || rep.GoldOther != 1 {
		t.Errorf("documents %d, annotated %d, gold %d, other %d: want 3, 2, 6, 1", rep.Docs, rep.Annotated, rep.Gold, rep.GoldOther)
	}
	if rep.System == 0 || rep.Unplaced != 0 {
		t.Errorf("%d mentions, %d not placed: want some, all placed", rep.System, rep.Unplaced)
	}
	for _, m := range rep.Misses {
		if m.Sentence == "" {
			t.Errorf("miss %+v without its sentence", m.Gold)
		}
	}
	if rep.Strict.Found+len(rep.Misses) != rep.Gold || rep.Strict.Matched+len(rep.Extras) != rep.System {
		t.Errorf("strict %+v, %d misses, %d extras do not add up to %d gold, %d coded", rep.Strict, len(rep.Misses), len(rep.Extras), rep.Gold, rep.System)
	}
	// Every mention of every fixture document sits on one of its sentences.
	var ids []string
	texts := map[string]string{}
	spans := map[string][][2]int{}
	for _, d := range fixtureDocs(t) {
		text, err := ReferenceText(data, d)
		if err != nil {
			t.Fatal(err)
		}
		ids, texts[d.ID] = append(ids, d.ID), text
		for _, s := range Sentences(text, tok) {
			spans[d.ID] = append(spans[d.ID], [2]int{s.Start, s.End})
		}
	}
	ms, err := codeNews(t.Context(), pipeline.Options{}, ids, texts)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < rep.System {
		t.Errorf("%d mentions in all documents, %d in the annotated ones", len(ms), rep.System)
	}
	for _, m := range ms {
		if !slices.Contains(spans[m.Doc], m.Span) {
			t.Errorf("mention %+v is not on a sentence of its document", m)
		}
	}
	if _, err := News(t.Context(), NewsOptions{Data: data, Dir: newsFixture, Set: "dev", Tokenizer: tok, NewsScoreOptions: NewsScoreOptions{Modalities: []string{"maybe"}}}); err == nil {
		t.Error("modality maybe: no error")
	}
}
